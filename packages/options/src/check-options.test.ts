import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOptions } from './check-options.js';

const TRAIN = ['epochs', 'batchSize', 'validationSplit', 'verbose'];

describe('checkOptions', () => {
  it('names the unknown key, where it was passed and the nearest valid name', () => {
    expect(() => checkOptions('train', { validation_split: 0.25 }, TRAIN)).toThrow(
      "train: unknown option 'validation_split'; did you mean 'validationSplit'?",
    );
    expect(() => checkOptions('train', { epochs: 5, epoch: 5 }, TRAIN)).toThrow(
      "train: unknown option 'epoch'; did you mean 'epochs'?",
    );
  });

  it('lists the valid names when none is close, and says when there are none', () => {
    expect(() => checkOptions('train', { momentum: 0.9 }, TRAIN)).toThrow(
      "train: unknown option 'momentum'; expected one of epochs, batchSize, validationSplit, verbose",
    );
    expect(() => checkOptions('Flatten', { units: 3 }, [])).toThrow(
      "Flatten: unknown option 'units'; it takes no options",
    );
  });

  it('rejects an unknown key even when its value is undefined', () => {
    expect(() => checkOptions('train', { batch_size: undefined }, TRAIN)).toThrow(
      "unknown option 'batch_size'",
    );
  });

  it('rejects an options argument that is not an object', () => {
    expect(() => checkOptions('train', [1, 2], TRAIN)).toThrow(
      'train: options must be an object, got an array (2 items)',
    );
    expect(() => checkOptions('train', 5, TRAIN)).toThrow(
      'train: options must be an object, got 5',
    );
    expect(() => checkOptions('train', 'fast', TRAIN)).toThrow(
      'train: options must be an object, got "fast"',
    );
    expect(() => checkOptions('train', null, TRAIN)).toThrow(
      'train: options must be an object, got null',
    );
    expect(() => checkOptions('train', undefined, TRAIN)).toThrow(
      'train: options must be an object, got undefined',
    );
    expect(() => checkOptions('train', () => 1, TRAIN)).toThrow(
      'train: options must be an object, got a function',
    );
  });

  it('accepts any subset of the valid keys, with any values', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRAIN)), fc.array(fc.anything()), (keys, values) => {
        const options = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
        expect(() => checkOptions('train', options, TRAIN)).not.toThrow();
      }),
    );
  });

  it('rejects any key not in the list, naming it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }),
        fc.string(),
        (known, key) => {
          fc.pre(!known.includes(key));
          const options = { [known[0]!]: 1, [key]: 1 };
          expect(() => checkOptions('f', options, known)).toThrow(`f: unknown option '${key}'; `);
        },
      ),
    );
  });
});
