import type { LossTarget, MetricKind } from '../backend.js';
import type { Tensor } from '../tensor.js';
import { rowWidth } from './rows.js';

/** The reference metric sums; see Backend.metricSum. */
export function metricSum(kind: MetricKind, pred: Tensor, target: LossTarget): number {
  const rows = pred.shape[0] ?? 1;
  const cols = rowWidth(pred);
  const labels = target instanceof Int32Array && kind === 'correct';
  const expected = labels ? rows : pred.size;
  if (target.length !== expected) {
    throw new Error(
      `metricSum: target holds ${target.length} values, expected ${expected} (${labels ? 'one label per row' : 'one per prediction'})`,
    );
  }
  const P = pred.data;
  if (kind === 'absoluteError') {
    let sum = 0;
    for (let i = 0; i < P.length; i++) sum += Math.abs(P[i]! - target[i]!);
    return sum;
  }
  if (kind !== 'correct') throw new Error(`metricSum: unknown kind '${String(kind)}'`);
  let correct = 0;
  for (let r = 0, at = 0; r < rows; r++, at += cols) {
    const predicted = predictedClass(P, at, cols);
    const actual = labels ? target[r]! : predictedClass(target, at, cols);
    if (predicted === actual) correct++;
  }
  return correct;
}

/** The arg max of a row (the first, on ties), or p ≥ 0.5 for a row of one value. */
function predictedClass(values: LossTarget, at: number, cols: number): number {
  if (cols === 1) return values[at]! >= 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < cols; j++) if (values[at + j]! > values[at + best]!) best = j;
  return best;
}
