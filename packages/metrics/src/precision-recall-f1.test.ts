import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { precisionRecallF1 } from './precision-recall-f1.js';

/**
 * yTrue 0 0 0 1 1 1 1 2 2 2
 * yPred 0 1 0 1 1 2 1 2 2 1
 *
 * confusion      pred 0  1  2   support
 *   true 0            2  1  0   3
 *   true 1            0  3  1   4
 *   true 2            0  1  2   3
 *   predicted         2  5  3
 *
 * precision  1/1 = 1,  3/5 = 0.6,  2/3
 * recall     2/3,      3/4 = 0.75, 2/3
 * f1 = 2tp / (2tp + fp + fn):  4/5 = 0.8,  6/9 = 2/3,  4/6 = 2/3
 * macro f1    = (0.8 + 2/3 + 2/3) / 3           = 0.71111...
 * weighted f1 = (3·0.8 + 4·2/3 + 3·2/3) / 10    = (2.4 + 8/3 + 2) / 10 = 0.70666...
 * macro precision = (1 + 0.6 + 2/3) / 3 = 0.75555...; macro recall = (2/3 + 3/4 + 2/3) / 3
 * weighted precision = (3 + 2.4 + 2) / 10 = 0.74; weighted recall = 7/10 = accuracy
 * micro = accuracy = 7/10
 */
const yTrue = Int32Array.from([0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
const yPred = Int32Array.from([0, 1, 0, 1, 1, 2, 1, 2, 2, 1]);

function oneHot(labels: Int32Array, k: number): Tensor {
  const t = Tensor.zeros([labels.length, k]);
  labels.forEach((c, i) => {
    t.data[i * k + c] = 1;
  });
  return t;
}

function softScores(labels: Int32Array, k: number): Tensor {
  const t = Tensor.filled([labels.length, k], 0.1);
  labels.forEach((c, i) => {
    t.data[i * k + c] = 0.8;
  });
  return t;
}

describe('precisionRecallF1', () => {
  it('matches the hand-computed 3-class example', () => {
    const r = precisionRecallF1(yTrue, yPred);
    expect(r.support).toEqual([3, 4, 3]);
    expect(r.precision[0]).toBeCloseTo(1, 12);
    expect(r.precision[1]).toBeCloseTo(0.6, 12);
    expect(r.precision[2]).toBeCloseTo(2 / 3, 12);
    expect(r.recall[0]).toBeCloseTo(2 / 3, 12);
    expect(r.recall[1]).toBeCloseTo(0.75, 12);
    expect(r.recall[2]).toBeCloseTo(2 / 3, 12);
    expect(r.f1[0]).toBeCloseTo(0.8, 12);
    expect(r.f1[1]).toBeCloseTo(2 / 3, 12);
    expect(r.f1[2]).toBeCloseTo(2 / 3, 12);
    expect(r.macro.f1).toBeCloseTo(0.711111111111, 10);
    expect(r.weighted.f1).toBeCloseTo(0.706666666667, 10);
    expect(r.macro.precision).toBeCloseTo(0.755555555556, 10);
    expect(r.macro.recall).toBeCloseTo((2 / 3 + 0.75 + 2 / 3) / 3, 12);
    expect(r.weighted.precision).toBeCloseTo(0.74, 12);
    expect(r.weighted.recall).toBeCloseTo(0.7, 12);
    expect(r.micro).toEqual({ precision: 0.7, recall: 0.7, f1: 0.7 });
  });

  it('gives the same answers for sparse, one-hot and probability inputs', () => {
    const expected = precisionRecallF1(yTrue, yPred);
    expect(precisionRecallF1(oneHot(yTrue, 3), yPred)).toEqual(expected);
    expect(precisionRecallF1(yTrue, softScores(yPred, 3))).toEqual(expected);
    expect(precisionRecallF1(oneHot(yTrue, 3), softScores(yPred, 3))).toEqual(expected);
  });

  it('scores a perfect prediction 1 everywhere', () => {
    const r = precisionRecallF1(yTrue, yTrue);
    expect(r.f1).toEqual([1, 1, 1]);
    expect(r.macro).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(r.weighted).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('gives 0 on zero division, like scikit-learn zero_division=0', () => {
    // Class 1 is present but never predicted: precision 0/0 -> 0, recall 0/1 = 0.
    const r = precisionRecallF1([0, 0, 1], [0, 0, 0]);
    expect(r.precision).toEqual([2 / 3, 0]);
    expect(r.recall).toEqual([1, 0]);
    expect(r.f1[1]).toBe(0);
    expect(r.macro.precision).toBeCloseTo(1 / 3, 12);
    // Class 1 is predicted but never present: recall 0/0 -> 0.
    const s = precisionRecallF1([0, 0], [0, 1]);
    expect(s.recall).toEqual([0.5, 0]);
    expect(s.precision).toEqual([1, 0]);
    expect(s.support).toEqual([2, 0]);
  });

  it('lists classes absent from both arguments but leaves them out of the macro average', () => {
    const padded = precisionRecallF1(yTrue, yPred, { numClasses: 5 });
    const plain = precisionRecallF1(yTrue, yPred);
    expect(padded.f1.slice(3)).toEqual([0, 0]);
    expect(padded.support).toEqual([3, 4, 3, 0, 0]);
    expect(padded.macro).toEqual(plain.macro);
    expect(padded.weighted).toEqual(plain.weighted);
  });

  it('handles binary sigmoid outputs', () => {
    const r = precisionRecallF1([0, 1, 1, 0], new Tensor([[0.2], [0.7], [0.4], [0.6]]));
    expect(r.precision).toEqual([0.5, 0.5]);
    expect(r.recall).toEqual([0.5, 0.5]);
  });

  it('averages in numpy’s order, so the means are scikit-learn’s to the last bit', () => {
    // 11 classes: np.mean of the precisions is 0.575 (prints 0.57); a left-to-right sum
    // gives 0.5750000000000001 (prints 0.58).
    const t = [7, 10, 4, 4, 1, 9, 2, 9, 7, 8, 10, 1, 10, 10, 5, 9, 7, 8, 0, 4, 0, 8, 2, 9, 2, 10];
    const p = [2, 10, 10, 4, 1, 0, 2, 9, 7, 8, 10, 1, 1, 4, 9, 9, 4, 6, 0, 4, 0, 8, 2, 7, 0, 6];
    const tail = { t: [4, 6, 4, 7, 9, 9], p: [0, 6, 4, 7, 5, 9] };
    const r = precisionRecallF1([...t, ...tail.t], [...p, ...tail.p]);
    expect(r.macro.precision).toBe(0.575);
    expect(r.weighted.precision).toBe(0.6552083333333333);
  });

  it('names itself in its errors', () => {
    expect(() => precisionRecallF1([0, 1], [0])).toThrow(
      'precisionRecallF1: yTrue has 2 samples but yPred has 1; expected equal',
    );
    expect(() => precisionRecallF1([], [])).toThrow(/precisionRecallF1: .* empty/);
  });
});
