import type { Target } from '@neunet/losses';
import { getBackend, type Tensor } from '@neunet/tensor';

/**
 * How many rows of `pred` pick the right class: the arg max for several outputs, p ≥ 0.5
 * for a single sigmoid output. Targets are labels or one-hot rows.
 */
export function countCorrect(pred: Tensor, target: Target): number {
  return getBackend().metricSum('correct', pred, values(target));
}

/** Σ|pred − target| over every value of the batch: labels count as values of one output. */
export function absoluteErrorSum(pred: Tensor, target: Target): number {
  return getBackend().metricSum('absoluteError', pred, values(target));
}

function values(target: Target): Int32Array | Float32Array {
  return target instanceof Int32Array ? target : target.data;
}
