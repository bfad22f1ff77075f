import { checkOptions, optionKeys } from '@neunet/options';
/** Options of `formatConfusionMatrix`. */
export interface FormatConfusionMatrixOptions {
  /** A name per class, in label order. Default: the class indices. */
  classNames?: readonly string[];
}

const OPTIONS = optionKeys<FormatConfusionMatrixOptions>()(['classNames']);

/**
 * A confusion matrix as a text table: one row per true class, one column per predicted
 * class, headed by the class names, numbers right-aligned.
 */
export function formatConfusionMatrix(
  matrix: readonly (readonly number[])[],
  options: FormatConfusionMatrixOptions = {},
): string {
  checkOptions('formatConfusionMatrix', options, OPTIONS);
  const fn = 'formatConfusionMatrix';
  const k = matrix.length;
  matrix.forEach((row, i) => {
    if (row.length !== k)
      throw new Error(`${fn}: row ${i} has ${row.length} entries; expected a ${k}×${k} matrix`);
  });
  const names = options.classNames
    ? [...options.classNames]
    : Array.from({ length: k }, (_, c) => String(c));
  if (names.length !== k) {
    throw new Error(
      `${fn}: classNames has ${names.length} names but the matrix is ${k}×${k}; expected one per class`,
    );
  }
  const corner = 'true \\ pred';
  const first = Math.max(corner.length, ...names.map((n) => n.length));
  const cell = Math.max(
    ...names.map((n) => n.length),
    ...matrix.flat().map((v) => String(v).length),
  );
  const lines = [[corner.padEnd(first), ...names.map((n) => n.padStart(cell))].join('  ')];
  matrix.forEach((row, i) => {
    lines.push([names[i]!.padEnd(first), ...row.map((v) => String(v).padStart(cell))].join('  '));
  });
  return `${lines.join('\n')}\n`;
}
