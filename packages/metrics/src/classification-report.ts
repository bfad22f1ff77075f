import { checkOptions, optionKeys } from '@neunet/options';
import { checkNames } from './class-names.js';
import { tally } from './confusion-matrix.js';
import { formatFixed } from './format-fixed.js';
import type { PredictedLabels, TrueLabels } from './labels.js';
import { precisionRecallF1 } from './precision-recall-f1.js';

/** Options of `classificationReport`. */
export interface ClassificationReportOptions {
  /** A name per class, in label order; sets the number of classes. Default: the labels. */
  classNames?: readonly string[];
  /** Decimal places of the scores. Default 2. */
  digits?: number;
  /** The number of classes when there are no class names (see `confusionMatrix`). */
  numClasses?: number;
}

const OPTIONS = optionKeys<ClassificationReportOptions>()(['classNames', 'digits', 'numClasses']);

/**
 * A text table of per-class precision, recall, F1 and support followed by accuracy and
 * the macro and weighted averages, in the layout of scikit-learn's
 * `classification_report`. The rows are the classes that occur in yTrue or yPred, or
 * every class when `classNames` is given. The numbers are `precisionRecallF1`'s, so zero
 * division gives 0, printed as Python prints them (exact ties round half to even).
 */
export function classificationReport(
  yTrue: TrueLabels,
  yPred: PredictedLabels,
  options: ClassificationReportOptions = {},
): string {
  checkOptions('classificationReport', options, OPTIONS);
  const fn = 'classificationReport';
  const { classNames, digits = 2 } = options;
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new Error(`${fn}: digits is ${digits}; expected an integer in [0, 20]`);
  }
  const numClasses = checkNames(fn, classNames, options.numClasses);
  const matrix = tally(fn, yTrue, yPred, numClasses);
  const r = precisionRecallF1(yTrue, yPred, { numClasses: matrix.length });
  const k = matrix.length;
  const names = classNames ? [...classNames] : Array.from({ length: k }, (_, c) => String(c));
  const predicted = (c: number) => matrix.reduce((s, row) => s + row[c]!, 0);
  const rows = names
    .map((name, c) => ({ name, c }))
    .filter(({ c }) => classNames !== undefined || r.support[c]! > 0 || predicted(c) > 0);
  const total = r.support.reduce((a, b) => a + b, 0);
  const width = Math.max(...rows.map((row) => row.name.length), 'weighted avg'.length, digits);
  const num = (v: number) => formatFixed(v, digits).padStart(9);
  const line = (name: string, cells: string[]) =>
    `${name.padStart(width)} ${cells.map((s) => ` ${s}`).join('')}\n`;
  let out = line(
    '',
    ['precision', 'recall', 'f1-score', 'support'].map((h) => h.padStart(9)),
  );
  out += '\n';
  for (const { name, c } of rows) {
    out += line(name, [
      num(r.precision[c]!),
      num(r.recall[c]!),
      num(r.f1[c]!),
      String(r.support[c]).padStart(9),
    ]);
  }
  out += '\n';
  out += line(
    'accuracy',
    ['', '', num(r.micro.f1), String(total).padStart(9)].map((s) => s.padStart(9)),
  );
  for (const [label, avg] of [
    ['macro avg', r.macro],
    ['weighted avg', r.weighted],
  ] as const) {
    out += line(label, [
      num(avg.precision),
      num(avg.recall),
      num(avg.f1),
      String(total).padStart(9),
    ]);
  }
  return out;
}
