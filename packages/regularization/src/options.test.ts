import { describe, expect, it } from 'vitest';
import { BatchNormalization, Dropout } from './index.js';

// JavaScript callers have no type check: `{ momentun: 0.5 }` kept the default momentum.
describe('regularization options: an unknown key names it and the nearest valid name', () => {
  it('BatchNormalization and Dropout reject one', () => {
    expect(() => new BatchNormalization({ momentun: 0.5 } as never)).toThrow(
      "BatchNormalization: unknown option 'momentun'; did you mean 'momentum'?",
    );
    expect(() => new BatchNormalization({ eps: 1e-3 } as never)).toThrow(
      "BatchNormalization: unknown option 'eps'; expected one of epsilon, momentum",
    );
    expect(() => new Dropout(0.2, { Seed: 1 } as never)).toThrow(
      "Dropout: unknown option 'Seed'; did you mean 'seed'?",
    );
    expect(() => new BatchNormalization(0.9 as never)).toThrow(
      'BatchNormalization: options must be an object, got 0.9',
    );
  });

  it('takes every documented option', () => {
    expect(new BatchNormalization({ epsilon: 1e-3, momentum: 0.5 }).momentum).toBe(0.5);
    expect(new Dropout(0.5, { seed: 1 }).rate).toBe(0.5);
  });
});
