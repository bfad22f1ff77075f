import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import {
  meanAbsoluteError,
  meanSquaredError,
  r2Score,
  rootMeanSquaredError,
} from './regression.js';

const t = [3, -0.5, 2, 7];
const p = [2.5, 0, 2, 8];

describe('regression metrics', () => {
  it('match scikit-learn on one output', () => {
    // Errors 0.5, −0.5, 0, −1: MSE = (0.25 + 0.25 + 0 + 1) / 4 = 0.375, MAE = 2 / 4 = 0.5.
    expect(meanSquaredError(t, p)).toBe(0.375);
    expect(rootMeanSquaredError(t, p)).toBe(Math.sqrt(0.375));
    expect(meanAbsoluteError(t, p)).toBe(0.5);
    // mean 2.875; SS_tot = 0.015625 + 11.390625 + 0.765625 + 17.015625 = 29.1875;
    // R² = 1 − 1.5 / 29.1875 = 0.9486081370449679 (sklearn r2_score).
    expect(r2Score(t, p)).toBeCloseTo(0.9486081370449679, 14);
    expect(r2Score(new Tensor(t.map((v) => [v])), Float32Array.from(p))).toBeCloseTo(
      0.9486081370449679,
      14,
    );
  });

  it('read a sample of several axes ([N, 2, 2]) as its values, as Keras averages over them', () => {
    const yTrue = new Tensor([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [0, 0],
        [1, -1],
      ],
    ]);
    const yPred = new Tensor([
      [
        [1, 0],
        [3, 5],
      ],
      [
        [0.5, 0],
        [1, 1],
      ],
    ]);
    // Errors 0, 2, 0, −1 and −0.5, 0, 0, −2: squares 0 + 4 + 0 + 1 + 0.25 + 0 + 0 + 4 over 8.
    expect(meanSquaredError(yTrue, yPred)).toBe(9.25 / 8);
    expect(meanAbsoluteError(yTrue, yPred)).toBe(5.5 / 8);
    const flat = (y: Tensor) => new Tensor(y.data, [2, 4]);
    expect(rootMeanSquaredError(yTrue, yPred)).toBe(rootMeanSquaredError(flat(yTrue), flat(yPred)));
    expect(() => meanSquaredError(Tensor.zeros([2, 0, 2]), Tensor.zeros([2, 0, 2]))).toThrow(
      /meanSquaredError: yTrue is a Tensor of shape \[2, 0, 2\]; expected \[N\], \[N, outputs\] or \[N, \.\.\.per-sample shape\]/,
    );
  });

  it('average several outputs uniformly, RMSE per output first', () => {
    const a = new Tensor([
      [0.5, 1],
      [-1, 1],
      [7, -6],
    ]);
    const b = new Tensor([
      [0, 2],
      [-1, 2],
      [8, -5],
    ]);
    // sklearn: mean_squared_error 0.7083333333333334, squared=False 0.8227486121839513,
    // mean_absolute_error 0.75, r2_score 0.9368005266622779.
    expect(meanSquaredError(a, b)).toBeCloseTo(0.7083333333333334, 14);
    expect(rootMeanSquaredError(a, b)).toBeCloseTo(0.8227486121839513, 14);
    expect(meanAbsoluteError(a, b)).toBeCloseTo(0.75, 14);
    expect(r2Score(a, b)).toBeCloseTo(0.9368005266622779, 7);
  });

  it('defines R² for constant targets as scikit-learn does, and needs two samples', () => {
    expect(r2Score([2, 2, 2], [2, 2, 2])).toBe(1);
    expect(r2Score([2, 2, 2], [2, 2, 3])).toBe(0);
    // The float mean of three 0.1s is not 0.1: constancy is tested directly.
    expect(r2Score([0.1, 0.1, 0.1], [0.1, 0.1, 0.1])).toBe(1);
    expect(() => r2Score([1], [1])).toThrow(
      'r2Score: there is 1 sample; expected >= 2, R² is undefined for one',
    );
  });

  it('rejects mismatched, empty and non-finite input', () => {
    expect(() => meanSquaredError([1, 2], [1])).toThrow(
      'meanSquaredError: yTrue is 2×1 but yPred is 1×1; expected the same samples and outputs',
    );
    expect(() => meanAbsoluteError([], [])).toThrow(/empty/);
    expect(() => rootMeanSquaredError([1, Number.NaN], [1, 2])).toThrow(
      /yTrue sample 1, output 0 is NaN/,
    );
    expect(() => meanSquaredError(Tensor.zeros([2, 2, 1]), [1, 2])).toThrow(
      'meanSquaredError: yTrue is 2×2 but yPred is 2×1; expected the same samples and outputs',
    );
  });
});
