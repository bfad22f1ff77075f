import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { oneHot } from './one-hot.js';
import { trainTestSplit } from './train-test-split.js';

/** Row i of X is [i, -i], so every row says where it came from. */
function numbered(n: number, classOf: (i: number) => number) {
  const X = Tensor.zeros([n, 2]);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    X.data[2 * i] = i;
    X.data[2 * i + 1] = -i;
    y[i] = classOf(i);
  }
  return { X, y };
}

function ids(t: Tensor): number[] {
  return Array.from({ length: t.rows }, (_, r) => t.get(r, 0));
}

function counts(y: Int32Array): number[] {
  const out: number[] = [];
  for (const c of y) out[c] = (out[c] ?? 0) + 1;
  return out;
}

describe('trainTestSplit', () => {
  it('sends round(testSize · N) rows to test, 25% by default', () => {
    const { X, y } = numbered(100, (i) => i % 3);
    const s = trainTestSplit(X, y, { seed: 1 });
    expect(s.XTrain.shape).toEqual([75, 2]);
    expect(s.XTest.shape).toEqual([25, 2]);
    expect(s.yTrain.length).toBe(75);
    expect(s.yTest.length).toBe(25);
    expect(
      trainTestSplit(X.sliceRows(0, 10), y.subarray(0, 10), { testSize: 0.33 }).yTest,
    ).toHaveLength(3);
  });

  it('keeps every row exactly once, with its own label', () => {
    const { X, y } = numbered(57, (i) => i % 4);
    for (const stratify of [false, true]) {
      const s = trainTestSplit(X, y, { testSize: 0.3, seed: 5, stratify });
      const all = [...ids(s.XTrain), ...ids(s.XTest)].sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: 57 }, (_, i) => i));
      ids(s.XTrain).forEach((id, r) => {
        expect(s.yTrain[r]).toBe(id % 4);
        expect(s.XTrain.get(r, 1)).toBe(-id);
      });
      ids(s.XTest).forEach((id, r) => {
        expect(s.yTest[r]).toBe(id % 4);
      });
    }
  });

  it('is deterministic for a seed and shuffles differently for another', () => {
    const { X, y } = numbered(40, (i) => i % 2);
    const a = trainTestSplit(X, y, { seed: 7 });
    const b = trainTestSplit(X, y, { seed: 7 });
    const c = trainTestSplit(X, y, { seed: 8 });
    expect(ids(a.XTest)).toEqual(ids(b.XTest));
    expect(a.yTrain).toEqual(b.yTrain);
    expect(ids(a.XTest)).not.toEqual(ids(c.XTest));
  });

  it('takes the last rows as test and keeps the order without shuffling', () => {
    const { X, y } = numbered(8, (i) => i);
    const s = trainTestSplit(X, y, { testSize: 0.25, shuffle: false });
    expect(ids(s.XTrain)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ids(s.XTest)).toEqual([6, 7]);
    expect(Array.from(s.yTest)).toEqual([6, 7]);
  });

  it('keeps class proportions when stratified', () => {
    const { X, y } = numbered(100, (i) => (i < 60 ? 0 : i < 90 ? 1 : 2));
    const s = trainTestSplit(X, y, { testSize: 0.2, seed: 3, stratify: true });
    expect(counts(s.yTest)).toEqual([12, 6, 2]);
    expect(counts(s.yTrain)).toEqual([48, 24, 8]);
    // Shuffled across classes, not sorted by class.
    expect(Array.from(s.yTest)).not.toEqual([...s.yTest].sort());
  });

  it('hands leftover test rows to the largest remainders, keeping the exact total', () => {
    // Ideal 2.5 per class; round(0.5 · 15) = 8 = 2 + 2 + 2 + two extra for classes 0, 1.
    const { X, y } = numbered(15, (i) => i % 3);
    const s = trainTestSplit(X, y, { testSize: 0.5, seed: 2, stratify: true });
    expect(counts(s.yTest)).toEqual([3, 3, 2]);
    // Ideal 0.3·[7, 3] = [2.1, 0.9]: floor [2, 0], one more (to round(3) = 3) for class 1.
    const u = numbered(10, (i) => (i < 7 ? 0 : 1));
    expect(counts(trainTestSplit(u.X, u.y, { testSize: 0.3, stratify: true }).yTest)).toEqual([
      2, 1,
    ]);
  });

  it('stratifies without shuffling by taking each class’s last rows, in order', () => {
    const { X, y } = numbered(10, (i) => (i < 6 ? 0 : 1));
    const s = trainTestSplit(X, y, { testSize: 0.5, shuffle: false, stratify: true });
    expect(ids(s.XTest)).toEqual([3, 4, 5, 8, 9]);
    expect(ids(s.XTrain)).toEqual([0, 1, 2, 6, 7]);
  });

  it('splits one-hot Tensor labels into Tensors, stratified by row argmax', () => {
    const { X, y } = numbered(40, (i) => (i < 30 ? 0 : 1));
    const Y = oneHot(y);
    const s = trainTestSplit(X, Y, { testSize: 0.5, seed: 4, stratify: true });
    expect(s.yTrain).toBeInstanceOf(Tensor);
    expect(s.yTest.shape).toEqual([20, 2]);
    let ones = 0;
    for (let r = 0; r < s.yTest.rows; r++) {
      const id = s.XTest.get(r, 0);
      expect(s.yTest.toArray()[r]).toEqual(id < 30 ? [1, 0] : [0, 1]);
      ones += s.yTest.get(r, 1);
    }
    expect(ones).toBe(5);
  });

  it('keeps the trailing shape of higher-rank X', () => {
    const X = Tensor.zeros([8, 2, 3]);
    X.data.forEach((_, i) => {
      X.data[i] = i;
    });
    const s = trainTestSplit(X, new Int32Array(8), { testSize: 0.25, seed: 0 });
    expect(s.XTest.shape).toEqual([2, 2, 3]);
    const firstRowStart = s.XTest.data[0]!;
    expect(Array.from(s.XTest.data.subarray(0, 6))).toEqual(
      Array.from({ length: 6 }, (_, i) => firstRowStart + i),
    );
  });

  it('rejects mismatched lengths, bad testSize and empty sides', () => {
    const { X, y } = numbered(10, (i) => i % 2);
    expect(() => trainTestSplit(X, y.subarray(0, 9))).toThrow(
      'trainTestSplit: X has 10 rows but y has 9; expected one label per row',
    );
    for (const testSize of [0, 1, -0.2, 1.5, Number.NaN]) {
      expect(() => trainTestSplit(X, y, { testSize })).toThrow(
        /testSize is .*; expected a fraction in \(0, 1\)/,
      );
    }
    expect(() => trainTestSplit(X, y, { testSize: 0.01 })).toThrow(
      'trainTestSplit: testSize 0.01 of 10 rows puts 0 in test and 10 in train; ' +
        'expected at least one row in each',
    );
    expect(() => trainTestSplit(X, y, { testSize: 0.99 })).toThrow(/puts 10 in test and 0/);
    expect(() => trainTestSplit(Tensor.zeros([0, 2]), new Int32Array(0))).toThrow(/puts 0/);
  });
});
