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

/** Pixels [row, c0 .. c1) of image `n` in an [n, 28, 28, 1] tensor, back on the 0..255 scale. */
function rowBytes({ X }: NamedDataset, n: number, row: number, c0: number, c1: number): number[] {
  const start = (n * 28 + row) * 28;
  return Array.from(X.data.subarray(start + c0, start + c1), (v) => Math.round(v * 255));
}

describe('loadDigits', () => {
  // 8 MB to read and 30 MB to fill: the budget is generous for a loaded two-core machine.
  const budget = { timeout: 30_000 };
  it('is the 10,000 MNIST test digits as [n, 28, 28, 1] images in [0, 1]', budget, () => {
    const digits = loadDigits();
    const { X, y, classNames, featureNames } = digits;
    expect(X.shape).toEqual([10000, 28, 28, 1]);
    expect(classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(featureNames[29]).toBe('pixel 1,1');
    // The published class counts of MNIST's t10k set, and its first labels.
    expect(labelCounts(y)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect(Array.from(y.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    const [min, max, mean] = pixelStats(digits);
    expect([min, max]).toEqual([0, 1]);
    // The test set's well-known pixel mean, 0.1325.
    expect(mean).toBeCloseTo(0.1325, 4);
    // The first digit, a 7: the top of its bar starts on row 7 (row 0 is the top edge), and
    // its corners are blank.
    expect(rowBytes(digits, 0, 7, 4, 14)).toEqual([0, 0, 84, 185, 159, 151, 60, 36, 0, 0]);
    expect(rowBytes(digits, 0, 0, 0, 28)).toEqual(new Array(28).fill(0));
    expect(X.data[27 * 28 + 27]).toBe(0);
  });

  it('gives the same pixels as flat [n, 784] rows with flatten: true', budget, () => {
    const flat = loadDigits({ flatten: true });
    expect(flat.X.shape).toEqual([10000, 784]);
    const images = loadDigits({ flatten: false }).X.data;
    const bytes = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(flat.X.data).equals(bytes(images))).toBe(true);
  });
});

describe('loadMnist', () => {
  // 47 MB to read and 190 MB to fill.
  const budget = { timeout: 120_000 };
  it('reads the 60,000 training digits with their published counts and mean', budget, () => {
    const train = loadMnist({ split: 'train' });
    expect(train.X.shape).toEqual([60000, 28, 28, 1]);
    expect(labelCounts(train.y)).toEqual([
      5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949,
    ]);
    expect(Array.from(train.y.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    const [min, max, mean] = pixelStats(train);
    expect([min, max]).toEqual([0, 1]);
    // 0.1307: the mean every MNIST tutorial normalises by.
    expect(mean).toBeCloseTo(0.1307, 4);
    // Row 5 of the first digit, the 5 that MNIST tutorials print: 3, 18, 18, 18, 126, ...
    expect(rowBytes(train, 0, 5, 12, 24)).toEqual([
      3, 18, 18, 18, 126, 136, 175, 26, 166, 255, 247, 127,
    ]);
  });

  it('reads the test split flat on request', { timeout: 30_000 }, () => {
    const test = loadMnist({ split: 'test', flatten: true });
    expect(test.X.shape).toEqual([10000, 784]);
    expect(test.y[0]).toBe(7);
  });

  it('names a wrong split and the ones it has', () => {
    expect(() => loadMnist({ split: 'validation' as 'train' })).toThrow(
      "loadMnist: split is validation; expected 'train' or 'test'",
    );
    expect(() => loadMnist(undefined as unknown as { split: 'train' })).toThrow(
      "loadMnist: split is undefined; expected 'train' or 'test'",
    );
  });

  it('names a bad or misspelt option before reading any file', () => {
    expect(() => loadMnist({ split: 'test', flatten: 'yes' as unknown as boolean })).toThrow(
      'loadMnist: flatten is yes; expected true or false',
    );
    expect(() => loadMnist({ split: 'test', flat: true } as { split: 'test' })).toThrow(
      "loadMnist: unknown option 'flat'; expected one of flatten, split",
    );
    expect(() => loadDigits({ split: 'train' } as object)).toThrow(
      "loadDigits: unknown option 'split'; expected one of flatten",
    );
    expect(() => loadDigits({ Flatten: true } as object)).toThrow(
      "loadDigits: unknown option 'Flatten'; did you mean 'flatten'?",
    );
    expect(() => loadDigits(null as unknown as object)).toThrow(
      'loadDigits: options must be an object, got null',
    );
  });
});
