import { Rng, setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { LeakyReLU, Linear, ReLU, Sigmoid, Softmax, Tanh } from './activations.js';
import { gradientCheck } from './gradient-check.js';
import type { Layer } from './layer.js';

/** Random values kept at least 0.1 away from 0, where ReLU's kink would spoil differences. */
function awayFromZero(rows: number, cols: number, seed: number): Tensor {
  const rng = new Rng(seed);
  const t = Tensor.zeros([rows, cols]);
  for (let i = 0; i < t.size; i++) {
    const v = rng.normal();
    t.data[i] = v + (v >= 0 ? 0.1 : -0.1);
  }
  return t;
}

// Every test runs on the reference and on the wasm backend: same answers within float32.
describe.each(['js', 'wasm'])('activations on the %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  const x = new Tensor([[-2, -0.5, 0, 0.5, 3]]);
  const cases: [string, Layer, (v: number) => number][] = [
    ['ReLU', new ReLU(), (v) => Math.max(0, v)],
    ['LeakyReLU', new LeakyReLU(0.1), (v) => (v > 0 ? v : 0.1 * v)],
    ['Sigmoid', new Sigmoid(), (v) => 1 / (1 + Math.exp(-v))],
    ['Tanh', new Tanh(), Math.tanh],
    ['Linear', new Linear(), (v) => v],
  ];
  for (const [name, layer, f] of cases) {
    it(`${name} computes its formula`, () => {
      const y = layer.forward(x);
      x.data.forEach((v, i) => {
        expect(y.data[i]).toBeCloseTo(f(v), 6);
      });
    });
    it(`${name} passes a gradient check`, () => {
      expect(gradientCheck(layer, awayFromZero(4, 6, 2)).input).toBeLessThan(2e-3);
    });
  }

  it('LeakyReLU defaults alpha to 0.01 and rejects a negative one', () => {
    expect(new LeakyReLU().alpha).toBe(0.01);
    expect(() => new LeakyReLU(-1)).toThrow(/alpha must be a finite number >= 0/);
  });

  it('Softmax gives rows that sum to 1 and passes a gradient check', () => {
    const softmax = new Softmax();
    const y = softmax.forward(awayFromZero(3, 4, 5));
    for (let r = 0; r < 3; r++) {
      let s = 0;
      for (let c = 0; c < 4; c++) s += y.get(r, c);
      expect(s).toBeCloseTo(1, 6);
    }
    expect(gradientCheck(softmax, awayFromZero(3, 4, 5), { h: 1e-3 }).input).toBeLessThan(2e-3);
  });

  it("Softmax's backward equals the seed's per-sample Jacobian product", () => {
    const softmax = new Softmax();
    const x = awayFromZero(3, 4, 6);
    const y = softmax.forward(x).clone();
    const dy = awayFromZero(3, 4, 7);
    const dx = softmax.backward(dy);
    for (let r = 0; r < 3; r++) {
      for (let i = 0; i < 4; i++) {
        let want = 0;
        for (let j = 0; j < 4; j++) {
          const jacobian = y.get(r, i) * ((i === j ? 1 : 0) - y.get(r, j));
          want += jacobian * dy.get(r, j);
        }
        expect(dx.get(r, i)).toBeCloseTo(want, 6);
      }
    }
  });

  it('rejects backward before forward', () => {
    expect(() => new ReLU().backward(Tensor.zeros([1, 1]))).toThrow(/before forward/);
  });
});
