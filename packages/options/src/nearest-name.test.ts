import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from './nearest-name.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('epoch', 'epochs')).toBe(1);
    expect(editDistance('activaton', 'activation')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
  });
});

describe('nearestName', () => {
  const train = ['epochs', 'batchSize', 'validationSplit', 'validationData', 'shuffle'];

  it('maps snake_case and other cases to the camelCase name', () => {
    expect(nearestName('batch_size', train)).toBe('batchSize');
    expect(nearestName('validation_split', train)).toBe('validationSplit');
    expect(nearestName('BATCHSIZE', train)).toBe('batchSize');
  });

  it('suggests a name one or two edits away', () => {
    expect(nearestName('epoch', train)).toBe('epochs');
    expect(nearestName('suffle', train)).toBe('shuffle');
    expect(nearestName('validationDat', train)).toBe('validationData');
    expect(nearestName('shuffel', train)).toBe('shuffle');
  });

  it('suggests nothing when no name is close', () => {
    expect(nearestName('lr', train)).toBeUndefined();
    expect(nearestName('momentum', train)).toBeUndefined();
    expect(nearestName('x', [])).toBeUndefined();
  });
});
