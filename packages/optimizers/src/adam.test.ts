import { setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAgainstReference } from '../test/test-helpers.js';
import { Adam } from './adam.js';
import { cosineDecay } from './schedules.js';

function adamReference(beta1: number, beta2: number, eps: number) {
  return {
    slots: 2,
    update: (
      ref: { w: Float64Array; slots: Float64Array[]; t: number },
      g: Float64Array,
      rate: number,
    ) => {
      const [m, v] = ref.slots;
      for (let i = 0; i < g.length; i++) {
        m![i] = beta1 * m![i]! + (1 - beta1) * g[i]!;
        v![i] = beta2 * v![i]! + (1 - beta2) * g[i]! ** 2;
        const mHat = m![i]! / (1 - beta1 ** ref.t);
        const vHat = v![i]! / (1 - beta2 ** ref.t);
        ref.w[i] = ref.w[i]! - (rate * mHat) / (Math.sqrt(vHat) + eps);
      }
    },
  };
}

// The update is a backend kernel: float64 arithmetic in js, float32 SIMD in wasm.
describe.each(['js', 'wasm'])('Adam on the %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  it('matches the seed formula with default betas', () => {
    checkAgainstReference(new Adam({ learningRate: 0.01 }), adamReference(0.9, 0.999, 1e-8));
  });

  it('matches with other betas, a per-param learningRate and a cosine schedule', () => {
    const schedule = cosineDecay({ decaySteps: 5, minRate: 0.001 });
    checkAgainstReference(
      new Adam({ learningRate: 0.02, beta1: 0.5, beta2: 0.9, epsilon: 1e-3, schedule }),
      {
        ...adamReference(0.5, 0.9, 1e-3),
        rate: (step, base) =>
          0.001 + (base - 0.001) * 0.5 * (1 + Math.cos((Math.PI * Math.min(step, 5)) / 5)),
        steps: 8,
      },
    );
  });

  it('corrects the bias at step 1: m̂ = g, v̂ = g², so each weight moves by lr·g/(|g| + ε)', () => {
    const g = [0.5, -2, 1e-3];
    const p = { name: 'w', value: new Tensor([[1, 1, 1]]), grad: new Tensor([g]) };
    const adam = new Adam({ learningRate: 0.1 }).addParamGroup({ params: [p] });
    adam.step();
    g.forEach((gi, i) => {
      expect(p.value.data[i]).toBeCloseTo(1 - (0.1 * gi) / (Math.abs(gi) + 1e-8), 6);
    });
    // The stored moments are the raw (uncorrected) averages.
    const { steps, slots } = adam.getState().groups[0]!;
    expect(steps).toEqual([1]);
    g.forEach((gi, i) => {
      expect(slots[0]![0]![i]).toBeCloseTo(0.1 * gi, 7);
      expect(slots[0]![1]![i]).toBeCloseTo(0.001 * gi * gi, 9);
    });
  });

  it('moves by lr per step under a constant gradient, because of the bias correction', () => {
    const p = { name: 'w', value: new Tensor([[0]]), grad: new Tensor([[3]]) };
    const adam = new Adam({ learningRate: 0.01 }).addParamGroup({ params: [p] });
    for (let s = 1; s <= 5; s++) {
      adam.step();
      expect(p.value.data[0]).toBeCloseTo(-0.01 * s, 6);
    }
  });

  it('keeps a step count per param, so a group added later gets its own bias correction', () => {
    const a = { name: 'a', value: new Tensor([[0]]), grad: new Tensor([[1]]) };
    const b = { name: 'b', value: new Tensor([[0]]), grad: new Tensor([[1]]) };
    const adam = new Adam({ learningRate: 0.01 }).addParamGroup({ params: [a] });
    adam.step();
    adam.step();
    adam.addParamGroup({ params: [b] }).step();
    expect(adam.getState().groups.map((g) => g.steps)).toEqual([[3], [1]]);
    expect(b.value.data[0]).toBeCloseTo(-0.01, 6);
  });

  it('describes itself', () => {
    expect(new Adam().getConfig()).toEqual({
      type: 'Adam',
      learningRate: 0.001,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
    });
  });

  it('rejects bad options', () => {
    expect(() => new Adam({ beta1: 1 })).toThrow('Adam: beta1 must be in [0, 1), got 1');
    expect(() => new Adam({ beta2: -0.5 })).toThrow('Adam: beta2 must be in [0, 1), got -0.5');
    expect(() => new Adam({ epsilon: 0 })).toThrow(
      'Adam: epsilon must be a finite number > 0, got 0',
    );
    expect(() => new Adam({ learningRate: Number.POSITIVE_INFINITY })).toThrow(
      /learningRate must be a finite number > 0, got Infinity/,
    );
  });
});
