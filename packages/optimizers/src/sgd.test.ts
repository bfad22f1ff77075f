import { Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { checkAgainstReference, randomParam } from '../test/test-helpers.js';
import { inverseTimeDecay } from './schedules.js';
import { SGD } from './sgd.js';

describe('SGD', () => {
  it('plain: w −= lr·g, with a per-param learningRate and a schedule', () => {
    const decay = (step: number, base: number) => base / (1 + 0.1 * step);
    checkAgainstReference(
      new SGD({ learningRate: 0.1, schedule: inverseTimeDecay({ decay: 0.1 }) }),
      {
        slots: 0,
        rate: decay,
        update: (ref, g, rate) => {
          for (let i = 0; i < g.length; i++) ref.w[i] = ref.w[i]! - rate * g[i]!;
        },
      },
    );
  });

  it('momentum: v = μv − lr·g, w += v', () => {
    checkAgainstReference(new SGD({ learningRate: 0.1, momentum: 0.8 }), {
      slots: 1,
      update: ({ w, slots: [v] }, g, rate) => {
        for (let i = 0; i < g.length; i++) {
          v![i] = 0.8 * v![i]! - rate * g[i]!;
          w[i] = w[i]! + v![i]!;
        }
      },
    });
  });

  it('Nesterov: v = μv − lr·g, w += μv − lr·g', () => {
    checkAgainstReference(new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true }), {
      slots: 1,
      update: ({ w, slots: [v] }, g, rate) => {
        for (let i = 0; i < g.length; i++) {
          v![i] = 0.9 * v![i]! - rate * g[i]!;
          w[i] = w[i]! + 0.9 * v![i]! - rate * g[i]!;
        }
      },
    });
  });

  it('moves by exactly lr·g on the first step', () => {
    const p = { name: 'w', value: new Tensor([[1, -2]]), grad: new Tensor([[0.5, 4]]) };
    new SGD({ learningRate: 0.25 }).addParamGroup({ params: [p] }).step();
    expect(Array.from(p.value.data)).toEqual([0.875, -3]);
  });

  for (const options of [{}, { momentum: 0.9 }, { momentum: 0.9, nesterov: true }]) {
    it(`minimises a quadratic (${JSON.stringify(options)})`, () => {
      // f(w) = Σ a_i (w_i − c_i)², with curvatures a_i between 0.5 and 2.
      const rng = new Rng(3);
      const p = randomParam('w', [10], rng);
      const a = Float64Array.from({ length: 10 }, () => rng.uniformRange(0.5, 2));
      const c = Float64Array.from({ length: 10 }, () => rng.normal(0, 5));
      const sgd = new SGD({ learningRate: 0.05, ...options }).addParamGroup({ params: [p] });
      for (let s = 0; s < 500; s++) {
        for (let i = 0; i < 10; i++) p.grad.data[i] = 2 * a[i]! * (p.value.data[i]! - c[i]!);
        sgd.step();
      }
      for (let i = 0; i < 10; i++) expect(p.value.data[i]).toBeCloseTo(c[i]!, 4);
    });
  }

  it('describes itself', () => {
    expect(new SGD({ momentum: 0.5, nesterov: true }).getConfig()).toEqual({
      type: 'SGD',
      learningRate: 0.01,
      momentum: 0.5,
      nesterov: true,
    });
  });

  it('rejects bad options, naming the option and the range', () => {
    expect(() => new SGD({ learningRate: 0 })).toThrow(
      'SGD: learningRate must be a finite number > 0, got 0',
    );
    expect(() => new SGD({ learningRate: Number.NaN })).toThrow(/learningRate .* got NaN/);
    expect(() => new SGD({ momentum: 1 })).toThrow('SGD: momentum must be in [0, 1), got 1');
    expect(() => new SGD({ momentum: -0.1 })).toThrow(/momentum must be in \[0, 1\)/);
    expect(() => new SGD({ nesterov: 'yes' as unknown as boolean })).toThrow(
      /nesterov must be true or false/,
    );
  });
});
