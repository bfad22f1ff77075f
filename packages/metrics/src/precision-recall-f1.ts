import { tally } from './confusion-matrix.js';
import type { ClassOptions, PredictedLabels, TrueLabels } from './labels.js';

/** Precision, recall and F1 averaged one way. */
export interface AveragedScores {
  precision: number;
  recall: number;
  f1: number;
}

/** Per-class scores (index = class) and their three averages. */
export interface PrecisionRecallF1Result {
  precision: number[];
  recall: number[];
  f1: number[];
  /** How many samples of each class `yTrue` holds. */
  support: number[];
  /** The unweighted mean over the classes that occur in `yTrue` or `yPred`. */
  macro: AveragedScores;
  /** The mean over classes weighted by support. */
  weighted: AveragedScores;
  /** From the pooled counts; for single-label classification all three equal accuracy. */
  micro: AveragedScores;
}

/**
 * Precision, recall and F1 per class, with macro, weighted and micro averages. Accepts
 * the same inputs as `confusionMatrix`.
 *
 * Zero division gives 0, as scikit-learn's `zero_division=0`: a class that is never
 * predicted has precision 0, a class absent from `yTrue` has recall 0, and F1 is
 * `2·tp / (2·tp + fp + fn)`, 0 when that is 0/0. Classes that occur in neither argument
 * (possible when `numClasses` or a Tensor's width exceeds the labels seen) are listed
 * with zeros but left out of the macro average, so padding the classes changes nothing;
 * scikit-learn likewise averages over the labels present when `labels` is not given.
 */
export function precisionRecallF1(
  yTrue: TrueLabels,
  yPred: PredictedLabels,
  options: ClassOptions = {},
): PrecisionRecallF1Result {
  const matrix = tally('precisionRecallF1', yTrue, yPred, options.numClasses);
  const k = matrix.length;
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  const support: number[] = [];
  const macro: AveragedScores = { precision: 0, recall: 0, f1: 0 };
  const weighted: AveragedScores = { precision: 0, recall: 0, f1: 0 };
  let present = 0;
  let total = 0;
  let correct = 0;
  for (let c = 0; c < k; c++) {
    const tp = matrix[c]![c]!;
    let actual = 0;
    let predicted = 0;
    for (let j = 0; j < k; j++) {
      actual += matrix[c]![j]!;
      predicted += matrix[j]![c]!;
    }
    const p = ratio(tp, predicted);
    const r = ratio(tp, actual);
    const f = ratio(2 * tp, actual + predicted);
    precision.push(p);
    recall.push(r);
    f1.push(f);
    support.push(actual);
    if (actual > 0 || predicted > 0) {
      present++;
      macro.precision += p;
      macro.recall += r;
      macro.f1 += f;
    }
    weighted.precision += actual * p;
    weighted.recall += actual * r;
    weighted.f1 += actual * f;
    total += actual;
    correct += tp;
  }
  // N >= 1 is guaranteed by the input checks, so `present` and `total` are positive.
  for (const key of ['precision', 'recall', 'f1'] as const) {
    macro[key] /= present;
    weighted[key] /= total;
  }
  const acc = correct / total;
  return {
    precision,
    recall,
    f1,
    support,
    macro,
    weighted,
    micro: { precision: acc, recall: acc, f1: acc },
  };
}

function ratio(num: number, den: number): number {
  return den === 0 ? 0 : num / den;
}
