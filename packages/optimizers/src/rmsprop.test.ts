import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { checkAgainstReference } from '../test/test-helpers.js';
import { RMSprop } from './rmsprop.js';
import { stepDecay } from './schedules.js';

describe('RMSprop', () => {
  it('cache = ρ·cache + (1 − ρ)·g², w −= lr·g/(√cache + ε), with a step schedule', () => {
    checkAgainstReference(
      new RMSprop({
        learningRate: 0.01,
        rho: 0.8,
        schedule: stepDecay({ dropEvery: 2, factor: 0.5 }),
      }),
      {
        slots: 1,
        rate: (step, base) => base * 0.5 ** Math.floor(step / 2),
        update: ({ w, slots: [c] }, g, rate) => {
          for (let i = 0; i < g.length; i++) {
            c![i] = 0.8 * c![i]! + 0.2 * g[i]! ** 2;
            w[i] = w[i]! - (rate * g[i]!) / (Math.sqrt(c![i]!) + 1e-7);
          }
        },
      },
    );
  });

  it('takes a first step of lr·g/(√((1 − ρ)g²) + ε)', () => {
    const p = { name: 'w', value: new Tensor([[0]]), grad: new Tensor([[2]]) };
    new RMSprop({ learningRate: 0.01 }).addParamGroup({ params: [p] }).step();
    expect(p.value.data[0]).toBeCloseTo(-0.02 / (Math.sqrt(0.1 * 4) + 1e-7), 7);
  });

  it('describes itself and rejects bad options', () => {
    expect(new RMSprop().getConfig()).toEqual({
      type: 'RMSprop',
      learningRate: 0.001,
      rho: 0.9,
      epsilon: 1e-7,
    });
    expect(() => new RMSprop({ rho: 1 })).toThrow('RMSprop: rho must be in [0, 1), got 1');
    expect(() => new RMSprop({ epsilon: -1 })).toThrow(/epsilon must be a finite number > 0/);
  });
});
