import { describe, expect, it } from 'vitest';
import { BatchNormalization, Dropout, l1l2 } from './index.js';

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

  it('l1l2 rejects one', () => {
    expect(() => l1l2({ l1: 0.1, L2: 0.01 } as never)).toThrow(
      "L1L2: unknown option 'L2'; did you mean 'l2'?",
    );
  });

  it('takes every documented option', () => {
    expect(new BatchNormalization({ epsilon: 1e-3, momentum: 0.5 }).momentum).toBe(0.5);
    expect(new Dropout(0.5, { seed: 1 }).rate).toBe(0.5);
  });
});
