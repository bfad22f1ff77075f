import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { calculateAccuracy } from './accuracy.js';

const sparse = Int32Array.from([0, 1, 2, 2, 1]);
const oneHot = new Tensor([
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
  [0, 0, 1],
  [0, 1, 0],
]);
// Row argmaxes: 0, 2, 2, 1, 1 -> rows 0, 2 and 4 are right.
const probs = new Tensor([
  [0.7, 0.2, 0.1],
  [0.1, 0.3, 0.6],
  [0.2, 0.2, 0.6],
  [0.1, 0.5, 0.4],
  [0.3, 0.4, 0.3],
]);

describe('calculateAccuracy', () => {
  it('counts exact matches of class indices', () => {
    expect(calculateAccuracy(sparse, Int32Array.from([0, 2, 2, 1, 1]))).toBe(3 / 5);
    expect(calculateAccuracy(sparse, sparse)).toBe(1);
    expect(calculateAccuracy([1, 1], [0, 0])).toBe(0);
  });

  it('gives the same answer for sparse, one-hot and probability inputs', () => {
    const predicted = Int32Array.from([0, 2, 2, 1, 1]);
    const expected = 3 / 5;
    expect(calculateAccuracy(sparse, predicted)).toBe(expected);
    expect(calculateAccuracy(oneHot, predicted)).toBe(expected);
    expect(calculateAccuracy(sparse, probs)).toBe(expected);
    expect(calculateAccuracy(oneHot, probs)).toBe(expected);
  });

  it('takes the first maximum of a row on ties', () => {
    const tied = new Tensor([
      [0.4, 0.4, 0.2],
      [0.3, 0.35, 0.35],
    ]);
    expect(calculateAccuracy(Int32Array.from([0, 1]), tied)).toBe(1);
  });

  it('thresholds a single-column probability tensor at 0.5', () => {
    const p = new Tensor([[0.1], [0.5], [0.49], [0.9]]);
    expect(calculateAccuracy(Int32Array.from([0, 1, 0, 1]), p)).toBe(1);
    expect(calculateAccuracy(new Tensor([[0], [1], [1], [1]]), p)).toBe(3 / 4);
  });

  it('rejects bad input with a message that says what was expected', () => {
    expect(() => calculateAccuracy([0, 1, 2], [0, 1])).toThrow(
      'calculateAccuracy: yTrue has 3 samples but yPred has 2; expected equal',
    );
    expect(() => calculateAccuracy(new Int32Array(0), new Int32Array(0))).toThrow(/are empty/);
    expect(() => calculateAccuracy([0, -1], [0, 1])).toThrow(
      'yTrue[1] is -1; expected a class index (an integer >= 0)',
    );
    expect(() => calculateAccuracy([0, 1], [0, 1.5])).toThrow(/yPred\[1\] is 1.5/);
    expect(() => calculateAccuracy([0, 3], probs.sliceRows(0, 2))).toThrow(
      /yTrue\[1\] is class 3 but there are 3 classes; expected labels 0..2/,
    );
    const notOneHot = new Tensor([
      [1, 0],
      [0.5, 0.5],
    ]);
    expect(() => calculateAccuracy(notOneHot, [0, 1])).toThrow(
      /yTrue row 1 is \[0.5, 0.5\], which is not one-hot/,
    );
    expect(() => calculateAccuracy(new Tensor([[1, 1]]), [0])).toThrow(/not one-hot/);
    expect(() => calculateAccuracy(new Tensor([[0, 0]]), [0])).toThrow(/not one-hot/);
    expect(() => calculateAccuracy(new Tensor([[2]]), [0])).toThrow(/expected 0 or 1/);
    const nan = new Tensor([
      [0.5, 0.5],
      [Number.NaN, 1],
    ]);
    expect(() => calculateAccuracy([0, 1], nan)).toThrow(/yPred row 1, column 0 is NaN/);
    expect(() => calculateAccuracy(new Tensor([1, 0]), [0, 1])).toThrow(/expected \[N, C\]/);
  });
});
