import { checkOptions, optionKeys } from '@neunet/options';
import { checkNames } from './class-names.js';
import {
  CLASS_OPTIONS,
  type ClassOptions,
  type PredictedLabels,
  resolveLabels,
  type TrueLabels,
} from './labels.js';

/** Options of `confusionMatrix`. */
export interface ConfusionMatrixOptions extends ClassOptions {
  /**
   * A name per class, in label order: fixes the matrix at `classNames.length` classes (a
   * label beyond them is an error). Print the matrix with them via `formatConfusionMatrix`.
   */
  classNames?: readonly string[];
}

const OPTIONS = optionKeys<ConfusionMatrixOptions>()([...CLASS_OPTIONS, 'classNames']);

/**
 * Counts of (true class, predicted class) pairs: `matrix[t][p]` is how many samples of
 * class `t` were predicted as `p`, so row sums are the class supports and the whole
 * matrix sums to N. Accepts the same inputs as `calculateAccuracy`.
 *
 * The matrix is `numClasses` square: by default a Tensor argument's width ([N, 1] counts
 * as 2 classes), or else the largest label in either argument plus one.
 */
export function confusionMatrix(
  yTrue: TrueLabels,
  yPred: PredictedLabels,
  options: ConfusionMatrixOptions = {},
): number[][] {
  checkOptions('confusionMatrix', options, OPTIONS);
  const fn = 'confusionMatrix';
  return tally(fn, yTrue, yPred, checkNames(fn, options.classNames, options.numClasses));
}

/** `confusionMatrix` under the caller's name, so that its errors name the caller. */
export function tally(
  fn: string,
  yTrue: TrueLabels,
  yPred: PredictedLabels,
  numClasses: number | undefined,
): number[][] {
  const r = resolveLabels(fn, yTrue, yPred, numClasses);
  const matrix = Array.from({ length: r.numClasses }, () =>
    new Array<number>(r.numClasses).fill(0),
  );
  for (let i = 0; i < r.yTrue.length; i++) matrix[r.yTrue[i]!]![r.yPred[i]!]!++;
  return matrix;
}
