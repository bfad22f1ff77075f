import { describe, expect, it } from 'vitest';
// { values, sum: repr(np.sum(values)) } from numpy 1.24 for lengths around each of its
// block boundaries (8, 128, and the halving above 128); written by make-python-fixtures.py.
import reference from './pairwise-sum.fixture.json';
import { pairwiseSum } from './pairwise-sum.js';

describe('pairwiseSum', () => {
  it(`is numpy's sum to the last bit for ${reference.length} arrays`, () => {
    for (const { values, sum } of reference) {
      expect(pairwiseSum(values), `${values.length} values`).toBe(Number(sum));
    }
  });

  it('sums a slice', () => {
    expect(pairwiseSum([1, 2, 3, 4], 1, 3)).toBe(5);
    expect(pairwiseSum([])).toBe(0);
  });
});
