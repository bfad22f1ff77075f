import { Conv2D, Dense, findRegularizer } from '@neunet/layers';
import { Rng, setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerRegularization } from './register.js';
import { L1, L1L2, L2, l1, l1l2, l2 } from './regularizers.js';

function weights(): Tensor {
  return new Tensor([
    [1, -2],
    [0.5, 0],
  ]);
}

describe.each(['js', 'wasm'])('l1, l2 and l1l2, %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  it('are l1·Σ|w|, l2·Σw² and both, worked by hand', () => {
    // Σ|w| = 3.5, Σw² = 5.25.
    expect(l1(0.1).penalty(weights())).toBeCloseTo(0.35, 6);
    expect(l2(0.01).penalty(weights())).toBeCloseTo(0.0525, 6);
    expect(l1l2({ l1: 0.1, l2: 0.01 }).penalty(weights())).toBeCloseTo(0.4025, 6);
    const grad = new Tensor([1, 1, 1, 1]).reshape([2, 2]);
    l1l2({ l1: 0.5, l2: 0.25 }).addGradient(weights(), grad);
    expect(Array.from(grad.data)).toEqual([2, -0.5, 1.75, 1]);
  });

  it('add the gradient of their penalty (finite differences)', () => {
    const rng = new Rng(3);
    const w = Tensor.zeros([3, 4]);
    for (let i = 0; i < w.size; i++) {
      w.data[i] = (rng.uniform() < 0.5 ? -1 : 1) * rng.uniformRange(0.05, 2);
    }
    for (const regularizer of [l1(0.3), l2(0.7), l1l2({ l1: 0.2, l2: 0.4 })]) {
      const grad = Tensor.zeros([3, 4]);
      regularizer.addGradient(w, grad);
      for (let i = 0; i < w.size; i++) {
        const saved = w.data[i]!;
        w.data[i] = saved + 1e-3;
        const up = [w.data[i]!, regularizer.penalty(w)] as const;
        w.data[i] = saved - 1e-3;
        const down = [w.data[i]!, regularizer.penalty(w)] as const;
        w.data[i] = saved;
        const numeric = (up[1] - down[1]) / (up[0] - down[0]);
        expect(grad.data[i]).toBeCloseTo(numeric, 2);
      }
    }
  });
});

describe('regularizer configs', () => {
  it("are Keras's { className, config } and build the regularizer again", () => {
    expect(l2(1e-4).getConfig()).toEqual({ className: 'L2', config: { l2: 1e-4 } });
    expect(l1().getConfig()).toEqual({ className: 'L1', config: { l1: 0.01 } });
    expect(l1l2({ l2: 0.5 }).getConfig()).toEqual({
      className: 'L1L2',
      config: { l1: 0, l2: 0.5 },
    });
    for (const regularizer of [l1(0.2), l2(0.3), l1l2({ l1: 0.1, l2: 0.4 })]) {
      const { className, config } = regularizer.getConfig();
      const classes = { L1, L2, L1L2 } as const;
      const rebuilt = classes[className as keyof typeof classes].fromConfig(config);
      expect(rebuilt).toBeInstanceOf(regularizer.constructor);
      expect(rebuilt.getConfig()).toEqual(regularizer.getConfig());
    }
  });

  it('refuse a negative, non-finite or missing factor, naming it', () => {
    expect(() => l2(-1)).toThrow('L2: l2 must be a finite number >= 0, got -1');
    expect(() => l1(Number.NaN)).toThrow('L1: l1 must be a finite number >= 0, got NaN');
    expect(() => l1l2({ l1: Number.POSITIVE_INFINITY })).toThrow(
      'L1L2: l1 must be a finite number >= 0, got Infinity',
    );
    expect(() => L2.fromConfig({})).toThrow('L2: l2 must be a finite number >= 0, got undefined');
    expect(() => l1l2(null as never)).toThrow('L1L2: expected options { l1?, l2? }, got null');
    expect(() => l2(0.1).addGradient(Tensor.zeros([2]), Tensor.zeros([3]))).toThrow(
      'L2.addGradient: 2 values but a grad of 3',
    );
  });
});

describe('kernelRegularizer and biasRegularizer', () => {
  beforeAll(() => {
    setBackend('js');
  });

  it('Dense and Conv2D put them on their params, save them in their config and rebuild them', () => {
    registerRegularization();
    expect(findRegularizer('L2')).toBe(L2);
    const dense = new Dense({ units: 3, kernelRegularizer: l2(1e-4), biasRegularizer: l1(0.5) });
    dense.build([2]);
    const [w, b] = dense.params();
    expect(w!.regularizer?.getConfig()).toEqual({ className: 'L2', config: { l2: 1e-4 } });
    expect(b!.regularizer?.getConfig()).toEqual({ className: 'L1', config: { l1: 0.5 } });
    const conv = new Conv2D({ filters: 2, kernelSize: 3, kernelRegularizer: l1l2({ l1: 0.1 }) });
    conv.build([5, 5, 1]);
    expect(conv.kernel.regularizer).toBeInstanceOf(L1L2);
    expect(conv.bias!.regularizer).toBeUndefined();
    expect(dense.getConfig()).toMatchObject({
      kernelRegularizer: { className: 'L2', config: { l2: 1e-4 } },
      biasRegularizer: { className: 'L1', config: { l1: 0.5 } },
    });
    for (const layer of [dense, conv]) {
      const saved = JSON.parse(JSON.stringify(layer.getConfig()));
      const copy = (layer.constructor as typeof Dense | typeof Conv2D).fromConfig(saved);
      expect(copy.getConfig()).toEqual(saved);
    }
  });

  it('refuse what is not a regularizer, and a saved className nobody registered', () => {
    expect(() => new Dense({ units: 2, kernelRegularizer: 'l2' as never })).toThrow(
      'Dense: kernelRegularizer must be a regularizer (l1, l2 or l1l2 from @neunet/regularization, or an object with penalty, addGradient and getConfig), got "l2"',
    );
    expect(() => new Conv2D({ filters: 1, kernelSize: 1, biasRegularizer: 0.1 as never })).toThrow(
      'Conv2D: biasRegularizer must be a regularizer',
    );
    expect(() =>
      Dense.fromConfig({
        type: 'Dense',
        nOut: 2,
        kernelRegularizer: { className: 'Orthogonal', config: {} },
      }),
    ).toThrow(/Dense: unknown regularizer "Orthogonal" in kernelRegularizer; known: .*L2/);
    expect(() =>
      Dense.fromConfig({ type: 'Dense', nOut: 2, kernelRegularizer: { l2: 0.1 } }),
    ).toThrow(
      'Dense: kernelRegularizer must be a saved regularizer { className, config }, got {"l2":0.1}',
    );
  });
});
