// Shared by the tests of this package; not exported from index.ts.
import { type Rng, Tensor } from '@neunet/tensor';
import { expect } from 'vitest';

/**
 * Central differences of `f` at each value of `x`. The perturbed values are float32, so the
 * difference is divided by the distance actually stepped, not by 2h.
 */
export function numericGradient(f: () => number, x: Float32Array, h = 1e-3): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const saved = x[i]!;
    x[i] = saved + h;
    const up = x[i]!;
    const fUp = f();
    x[i] = saved - h;
    const down = x[i]!;
    const fDown = f();
    x[i] = saved;
    out[i] = (fUp - fDown) / (up - down);
  }
  return out;
}

export function expectGradient(analytic: Float32Array, numeric: Float64Array): void {
  expect(analytic.length).toBe(numeric.length);
  for (let i = 0; i < numeric.length; i++) {
    const a = analytic[i]!;
    const n = numeric[i]!;
    if (!(Math.abs(a - n) <= 1e-3 + 1e-2 * Math.abs(n))) {
      expect.fail(`gradient [${i}]: analytic ${a}, numeric ${n}`);
    }
  }
}

/** Rows of probabilities away from 0 and 1: a softmax of moderate random logits. */
export function randomProbabilities(rows: number, cols: number, rng: Rng): Tensor {
  const t = Tensor.zeros([rows, cols]);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal();
  for (let r = 0; r < rows; r++) {
    const row = t.data.subarray(r * cols, r * cols + cols);
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += row[j] = Math.exp(row[j]!);
    for (let j = 0; j < cols; j++) row[j] = row[j]! / sum;
  }
  return t;
}

export function randomLabels(rows: number, classes: number, rng: Rng): Int32Array {
  return Int32Array.from({ length: rows }, () => rng.int(classes));
}

export function oneHot(labels: Int32Array, classes: number): Tensor {
  const t = Tensor.zeros([labels.length, classes]);
  labels.forEach((label, r) => {
    t.data[r * classes + label] = 1;
  });
  return t;
}
