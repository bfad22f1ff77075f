import { type PredictedLabels, resolveLabels, type TrueLabels } from './labels.js';

/**
 * The fraction of samples whose predicted class equals the true class, in [0, 1].
 *
 * `yTrue` is class indices or a one-hot Tensor [N, C]; `yPred` is class indices or a
 * Tensor [N, C] of probabilities (row argmax, first maximum on ties), or [N, 1] of
 * P(class 1) thresholded at 0.5. Throws on a length mismatch, empty input, a negative or
 * non-integer label, a row that is not one-hot, a label beyond a Tensor's classes, or NaN.
 */
export function calculateAccuracy(yTrue: TrueLabels, yPred: PredictedLabels): number {
  const { yTrue: t, yPred: p } = resolveLabels('calculateAccuracy', yTrue, yPred);
  let correct = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === p[i]) correct++;
  return correct / t.length;
}
