import type { NamedDataset } from '@neunet/datasets';
import { describe, expect, it } from 'vitest';
import { loadDigits, loadMnist } from './mnist.js';

function labelCounts(y: Int32Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const c of y) counts[c]!++;
  return counts;
}

/** Min, max and mean of every pixel. */
function pixelStats({ X }: NamedDataset): [number, number, number] {
  let min = 1;
  let max = 0;
  let sum = 0;
  for (const v of X.data) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return [min, max, sum / X.size];
}

describe('loadDigits', () => {
  // 8 MB to read and 30 MB to fill: the budget is generous for a loaded two-core machine.
  const budget = { timeout: 30_000 };
  it('is the 10,000 MNIST test digits, in [0, 1], with the known label counts', budget, () => {
    const digits = loadDigits();
    const { X, y, classNames, featureNames } = digits;
    expect(X.shape).toEqual([10000, 784]);
    expect(classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(featureNames[29]).toBe('pixel 1,1');
    // The published class counts of MNIST's t10k set, and its first labels.
    expect(labelCounts(y)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect(Array.from(y.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    const [min, max, mean] = pixelStats(digits);
    expect([min, max]).toEqual([0, 1]);
    // The test set's well-known pixel mean, 0.1325.
    expect(mean).toBeCloseTo(0.1325, 4);
  });
});

describe('loadMnist', () => {
  // 47 MB to read and 190 MB to fill.
  const budget = { timeout: 120_000 };
  it('reads the 60,000 training digits with their published counts and mean', budget, () => {
    const train = loadMnist({ split: 'train' });
    expect(train.X.shape).toEqual([60000, 784]);
    expect(labelCounts(train.y)).toEqual([
      5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949,
    ]);
    expect(Array.from(train.y.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    const [min, max, mean] = pixelStats(train);
    expect([min, max]).toEqual([0, 1]);
    // 0.1307: the mean every MNIST tutorial normalises by.
    expect(mean).toBeCloseTo(0.1307, 4);
  });

  it('names a wrong split and the ones it has', () => {
    expect(() => loadMnist({ split: 'validation' as 'train' })).toThrow(
      "loadMnist: split is validation; expected 'train' or 'test'",
    );
    expect(() => loadMnist(undefined as unknown as { split: 'train' })).toThrow(
      "loadMnist: split is undefined; expected 'train' or 'test'",
    );
  });
});
