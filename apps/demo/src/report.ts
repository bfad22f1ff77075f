import type { precisionRecallF1 } from '@neunet/metrics';

/** The confusion matrix with true classes down and predicted classes across. */
export function formatConfusionMatrix(matrix: number[][]): string {
  const width = Math.max(4, ...matrix.flat().map((v) => String(v).length));
  const header = `${'true\\pred'.padEnd(10)}${matrix.map((_, j) => String(j).padStart(width + 1)).join('')}`;
  const rows = matrix.map(
    (row, i) => `${String(i).padEnd(10)}${row.map((v) => String(v).padStart(width + 1)).join('')}`,
  );
  return [header, ...rows].join('\n');
}

/** Per-class precision, recall, F1 and support, then the macro and weighted averages. */
export function formatPrecisionRecallF1(scores: ReturnType<typeof precisionRecallF1>): string {
  const line = (name: string, p: number, r: number, f: number, support: number | string) =>
    `${name.padEnd(12)}${p.toFixed(4).padStart(10)}${r.toFixed(4).padStart(10)}${f.toFixed(4).padStart(10)}${String(support).padStart(9)}`;
  const total = scores.support.reduce((a, b) => a + b, 0);
  return [
    `${''.padEnd(12)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'f1'.padStart(10)}${'support'.padStart(9)}`,
    ...scores.precision.map((p, i) =>
      line(`class ${i}`, p, scores.recall[i]!, scores.f1[i]!, scores.support[i]!),
    ),
    line('macro avg', scores.macro.precision, scores.macro.recall, scores.macro.f1, total),
    line(
      'weighted avg',
      scores.weighted.precision,
      scores.weighted.recall,
      scores.weighted.f1,
      total,
    ),
  ].join('\n');
}
