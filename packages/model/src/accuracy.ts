import type { Target } from '@neunet/losses';
import type { Tensor } from '@neunet/tensor';

/**
 * How many rows of `pred` pick the right class: the arg max for several outputs, p ≥ 0.5
 * for a single sigmoid output. Targets are labels or one-hot rows.
 */
export function countCorrect(pred: Tensor, target: Target): number {
  const cols = pred.cols;
  const p = pred.data;
  let correct = 0;
  for (let r = 0; r < pred.rows; r++) {
    const at = r * cols;
    const predicted = cols === 1 ? (p[at]! >= 0.5 ? 1 : 0) : argmax(p, at, cols);
    let actual: number;
    if (target instanceof Int32Array) actual = target[r]!;
    else actual = cols === 1 ? (target.data[at]! >= 0.5 ? 1 : 0) : argmax(target.data, at, cols);
    if (predicted === actual) correct++;
  }
  return correct;
}

function argmax(values: Float32Array, at: number, cols: number): number {
  let best = 0;
  for (let j = 1; j < cols; j++) if (values[at + j]! > values[at + best]!) best = j;
  return best;
}

/** Σ|pred − target| over every value of the batch: labels count as values of one output. */
export function absoluteErrorSum(pred: Tensor, target: Target): number {
  const p = pred.data;
  const t = target instanceof Int32Array ? target : target.data;
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += Math.abs(p[i]! - t[i]!);
  return sum;
}
