import { describe, expect, it } from 'vitest';
import { BinaryCrossentropy } from './binary-crossentropy.js';
import { CategoricalCrossentropy } from './categorical-crossentropy.js';
import { MeanAbsoluteError } from './mean-absolute-error.js';
import { MeanSquaredError } from './mean-squared-error.js';
import { WeightPenalty } from './weight-penalty.js';

// JavaScript callers have no type check: `{ L2: 1e-4 }` trained without a penalty before.
describe('loss options: an unknown key names it and the nearest valid name', () => {
  it.each([
    [
      'CategoricalCrossentropy',
      () => new CategoricalCrossentropy({ L2: 1e-4 } as never),
      'L2',
      'l2',
    ],
    ['BinaryCrossentropy', () => new BinaryCrossentropy({ l3: 1e-4 } as never), 'l3', undefined],
    ['MeanSquaredError', () => new MeanSquaredError({ l_1: 1e-4 } as never), 'l_1', 'l1'],
    [
      'MeanAbsoluteError',
      () => new MeanAbsoluteError({ weightDecay: 1 } as never),
      'weightDecay',
      undefined,
    ],
    ['WeightPenalty', () => new WeightPenalty({ l2_: 1 } as never), 'l2_', 'l2'],
  ])('%s rejects %#', (where, build, key, nearest) => {
    const hint = nearest === undefined ? 'expected one of l1, l2' : `did you mean '${nearest}'?`;
    expect(build).toThrow(`${where}: unknown option '${key}'; ${hint}`);
  });

  it('takes l1 and l2', () => {
    expect(new MeanSquaredError({ l1: 0.1, l2: 0.2 }).getConfig()).toEqual({
      type: 'MeanSquaredError',
      l1: 0.1,
      l2: 0.2,
    });
  });
});
