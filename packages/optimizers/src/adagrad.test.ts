import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { checkAgainstReference } from '../test/test-helpers.js';
import { AdaGrad } from './adagrad.js';
import { exponentialDecay } from './schedules.js';

describe('AdaGrad', () => {
  it('cache += g², w −= lr·g/(√cache + ε), with an exponential schedule', () => {
    checkAgainstReference(
      new AdaGrad({
        learningRate: 0.1,
        schedule: exponentialDecay({ decayRate: 0.5, decaySteps: 4 }),
      }),
      {
        slots: 1,
        rate: (step, base) => base * 0.5 ** (step / 4),
        update: ({ w, slots: [c] }, g, rate) => {
          for (let i = 0; i < g.length; i++) {
            c![i] = c![i]! + g[i]! ** 2;
            w[i] = w[i]! - (rate * g[i]!) / (Math.sqrt(c![i]!) + 1e-7);
          }
        },
      },
    );
  });

  it('moves each weight by about lr on the first step, the cache starting at 0', () => {
    const p = { name: 'w', value: new Tensor([[0, 0]]), grad: new Tensor([[5, -0.01]]) };
    new AdaGrad({ learningRate: 0.1 }).addParamGroup({ params: [p] }).step();
    expect(p.value.data[0]).toBeCloseTo(-0.1, 6);
    expect(p.value.data[1]).toBeCloseTo(0.1, 4);
  });

  it('describes itself and rejects bad options', () => {
    expect(new AdaGrad().getConfig()).toEqual({
      type: 'AdaGrad',
      learningRate: 0.01,
      epsilon: 1e-7,
    });
    expect(() => new AdaGrad({ epsilon: Number.NaN })).toThrow(
      'AdaGrad: epsilon must be a finite number > 0, got NaN',
    );
  });
});
