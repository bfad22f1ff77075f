import { describe, expect, it } from 'vitest';
import { BinaryCrossentropy } from './binary-crossentropy.js';
import { CategoricalCrossentropy } from './categorical-crossentropy.js';
import { lossFromConfig } from './from-config.js';
import { MeanAbsoluteError } from './mean-absolute-error.js';
import { MeanSquaredError } from './mean-squared-error.js';

describe('lossFromConfig', () => {
  it('rebuilds every loss with its penalty factors', () => {
    for (const loss of [
      new CategoricalCrossentropy({ l2: 1e-4 }),
      new BinaryCrossentropy({ l1: 0.5 }),
      new MeanSquaredError(),
      new MeanAbsoluteError({ l1: 0.1, l2: 0.2 }),
    ]) {
      const rebuilt = lossFromConfig(JSON.parse(JSON.stringify(loss.getConfig())));
      expect(rebuilt).toBeInstanceOf(loss.constructor);
      expect(rebuilt.getConfig()).toEqual(loss.getConfig());
    }
  });

  it('names an unknown type, an unknown option and a bad factor', () => {
    expect(() => lossFromConfig({ type: 'Huber', l1: 0, l2: 0 })).toThrow(
      /unknown loss type "Huber"; expected one of CategoricalCrossentropy, BinaryCrossentropy/,
    );
    expect(() => lossFromConfig({ type: 'MeanSquaredError', l1: 0, l2: 0, delta: 1 })).toThrow(
      "lossFromConfig: unknown option 'delta'; expected one of l1, l2",
    );
    expect(() => lossFromConfig({ type: 'MeanSquaredError', l1: -1, l2: 0 })).toThrow(
      /l1 must be a finite number >= 0, got -1/,
    );
  });
});
