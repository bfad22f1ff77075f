import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { AdaGrad } from './adagrad.js';
import { Adam } from './adam.js';
import { optimizerFromConfig, scheduleFromConfig } from './from-config.js';
import type { Optimizer } from './optimizer.js';
import { RMSprop } from './rmsprop.js';
import { cosineDecay, exponentialDecay, inverseTimeDecay, stepDecay } from './schedules.js';
import { SGD } from './sgd.js';

function param(values: number[], grads: number[]) {
  return { name: 'w', value: new Tensor(values), grad: new Tensor(grads) };
}

/** Three steps from the same start: the updates must agree bit for bit. */
function trajectory(optimizer: Optimizer): number[] {
  const p = param([0.5, -1, 2], [0.1, -0.3, 0.7]);
  optimizer.addParamGroup({ params: [p] });
  for (let i = 0; i < 3; i++) optimizer.step();
  return Array.from(p.value.data);
}

describe('optimizerFromConfig', () => {
  const originals: Optimizer[] = [
    new SGD({ learningRate: 0.05, momentum: 0.8, nesterov: true }),
    new Adam({
      learningRate: 0.003,
      beta1: 0.8,
      epsilon: 1e-7,
      schedule: stepDecay({ dropEvery: 2, factor: 0.5 }),
    }),
    new RMSprop({ learningRate: 0.02, rho: 0.8, schedule: inverseTimeDecay({ decay: 0.1 }) }),
    new AdaGrad({ learningRate: 0.1, schedule: cosineDecay({ decaySteps: 5, minRate: 0.01 }) }),
    new SGD({ schedule: exponentialDecay({ decayRate: 0.9, decaySteps: 2, staircase: true }) }),
  ];

  it.each(originals.map((o) => [o.getConfig().type, o] as const))(
    'rebuilds %s with the same config and the same updates',
    (_, original) => {
      const config = JSON.parse(JSON.stringify(original.getConfig()));
      const rebuilt = optimizerFromConfig(config);
      expect(rebuilt.getConfig()).toEqual(original.getConfig());
      expect(trajectory(rebuilt)).toEqual(trajectory(original));
    },
  );

  it('names an unknown type, an unknown option and a bad value', () => {
    expect(() => optimizerFromConfig({ type: 'Lion', learningRate: 0.1 })).toThrow(
      /unknown optimizer type "Lion"; expected one of SGD, Adam, RMSprop, AdaGrad/,
    );
    expect(() => optimizerFromConfig({ type: 'Adam', learningRate: 0.1, beta3: 1 })).toThrow(
      /Adam: unknown option 'beta3'; did you mean 'beta1'\?/,
    );
    expect(() => optimizerFromConfig({ type: 'Adam', learningRate: -1 })).toThrow(
      /Adam: learningRate must be a finite number > 0, got -1/,
    );
    expect(() =>
      optimizerFromConfig({ type: 'Adam', learningRate: 0.1, schedule: { type: 'custom' } }),
    ).toThrow(/hand-written schedule function cannot be saved/);
  });

  it('rebuilds each schedule with the same rates', () => {
    const schedule = stepDecay({ dropEvery: 3, factor: 0.1 });
    const rebuilt = scheduleFromConfig(JSON.parse(JSON.stringify(schedule.config)));
    expect([0, 2, 3, 7].map((s) => rebuilt(s, 1))).toEqual([0, 2, 3, 7].map((s) => schedule(s, 1)));
    expect(() => scheduleFromConfig({ type: 'stepDecay', dropEvery: 0, factor: 0.1 })).toThrow(
      /dropEvery must be an integer > 0, got 0/,
    );
  });
});

describe('learningRateScale', () => {
  it('multiplies every group’s rate and rejects non-positive factors', () => {
    const p = param([1], [1]);
    const own = param([1], [1]);
    const sgd = new SGD({ learningRate: 0.1 })
      .addParamGroup({ params: [p] })
      .addParamGroup({ params: [own], learningRate: 0.5 });
    sgd.learningRateScale = 0.25;
    sgd.step();
    expect(p.value.data[0]).toBeCloseTo(1 - 0.1 * 0.25, 7);
    expect(own.value.data[0]).toBeCloseTo(1 - 0.5 * 0.25, 7);
    expect(() => {
      sgd.learningRateScale = 0;
    }).toThrow(/SGD: learningRateScale must be a finite number > 0, got 0/);
  });
});
