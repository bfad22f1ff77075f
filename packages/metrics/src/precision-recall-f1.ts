import { checkOptions } from '@neunet/options';
import { tally } from './confusion-matrix.js';
import {
  CLASS_OPTIONS,
  type ClassOptions,
  type PredictedLabels,
  type TrueLabels,
} from './labels.js';
import { pairwiseSum } from './pairwise-sum.js';

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
  checkOptions('precisionRecallF1', options, CLASS_OPTIONS);
  const matrix = tally('precisionRecallF1', yTrue, yPred, options.numClasses);
  const k = matrix.length;
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  const support: number[] = [];
  // The scores and support-weighted scores of the classes present, summed at the end in
  // numpy's order so that the averages are scikit-learn's to the last bit.
  const scores = { precision: [] as number[], recall: [] as number[], f1: [] as number[] };
  const weightedScores = { precision: [] as number[], recall: [] as number[], f1: [] as number[] };
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
      scores.precision.push(p);
      scores.recall.push(r);
      scores.f1.push(f);
      weightedScores.precision.push(actual * p);
      weightedScores.recall.push(actual * r);
      weightedScores.f1.push(actual * f);
    }
    total += actual;
    correct += tp;
  }
  // N >= 1 is guaranteed by the input checks, so some class is present and total > 0.
  const present = scores.precision.length;
  const average = (key: keyof AveragedScores) => pairwiseSum(scores[key]) / present;
  const weightedAverage = (key: keyof AveragedScores) => pairwiseSum(weightedScores[key]) / total;
  const macro = { precision: average('precision'), recall: average('recall'), f1: average('f1') };
  const weighted = {
    precision: weightedAverage('precision'),
    recall: weightedAverage('recall'),
    f1: weightedAverage('f1'),
  };
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
