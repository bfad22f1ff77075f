import { describe, expect, it } from 'vitest';
import { AdaGrad } from './adagrad.js';
import { Adam } from './adam.js';
import { createOptimizer } from './create-optimizer.js';
import { RMSprop } from './rmsprop.js';
import { cosineDecay, exponentialDecay, inverseTimeDecay, stepDecay } from './schedules.js';
import { SGD } from './sgd.js';

// JavaScript callers have no type check: `new SGD({ learning_rate: 0.1 })` trained at the
// default rate before.
describe('optimizer and schedule options: an unknown key names it and the nearest valid name', () => {
  it.each([
    ['SGD', () => new SGD({ learning_rate: 0.1 } as never), 'learning_rate', 'learningRate'],
    ['SGD', () => new SGD({ nesterow: true } as never), 'nesterow', 'nesterov'],
    ['Adam', () => new Adam({ beta_1: 0.8 } as never), 'beta_1', 'beta1'],
    ['RMSprop', () => new RMSprop({ decay: 0.9 } as never), 'decay', undefined],
    ['AdaGrad', () => new AdaGrad({ epsilom: 1e-6 } as never), 'epsilom', 'epsilon'],
    ['createOptimizer', () => createOptimizer('adam', { lr: 0.1 } as never), 'lr', undefined],
    [
      'exponentialDecay',
      () => exponentialDecay({ decayRate: 0.5, decaySteps: 10, stairCase: true } as never),
      'stairCase',
      'staircase',
    ],
    [
      'inverseTimeDecay',
      () => inverseTimeDecay({ decay: 0.1, decays: 1 } as never),
      'decays',
      'decay',
    ],
    [
      'stepDecay',
      () => stepDecay({ dropEvery: 2, factor: 0.5, drop_every: 3 } as never),
      'drop_every',
      'dropEvery',
    ],
    [
      'cosineDecay',
      () => cosineDecay({ decaySteps: 10, min_rate: 0.1 } as never),
      'min_rate',
      'minRate',
    ],
  ])('%s rejects %#', (where, build, key, nearest) => {
    const hint = nearest === undefined ? 'expected one of' : `did you mean '${nearest}'?`;
    expect(build).toThrow(`${where}: unknown option '${key}'; ${hint}`);
  });

  it('a param group names the nearest option too', () => {
    expect(() => new Adam().addParamGroup({ params: [], learning_rate: 0.1 } as never)).toThrow(
      "Adam.addParamGroup: paramGroups[0]: unknown option 'learning_rate'; did you mean 'learningRate'?",
    );
  });

  it('takes every documented option', () => {
    const schedule = stepDecay({ dropEvery: 2, factor: 0.5 });
    expect(new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true, schedule }).momentum).toBe(
      0.9,
    );
    expect(
      new Adam({ learningRate: 0.1, beta1: 0.8, beta2: 0.9, epsilon: 1e-6, schedule }).beta1,
    ).toBe(0.8);
    expect(new RMSprop({ learningRate: 0.1, rho: 0.8, epsilon: 1e-6, schedule }).rho).toBe(0.8);
    expect(new AdaGrad({ learningRate: 0.1, epsilon: 1e-6, schedule }).epsilon).toBe(1e-6);
    expect(createOptimizer('sgd', { learningRate: 0.5 }).learningRate).toBe(0.5);
  });
});
