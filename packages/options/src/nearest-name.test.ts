import { describe, expect, it } from 'vitest';
import { levenshtein, nearestName } from './nearest-name.js';

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('', '')).toBe(0);
    expect(levenshtein('epoch', 'epochs')).toBe(1);
    expect(levenshtein('activaton', 'activation')).toBe(1);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('abc', '')).toBe(3);
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
  });

  it('suggests nothing when no name is close', () => {
    expect(nearestName('lr', train)).toBeUndefined();
    expect(nearestName('momentum', train)).toBeUndefined();
    expect(nearestName('x', [])).toBeUndefined();
  });
});
