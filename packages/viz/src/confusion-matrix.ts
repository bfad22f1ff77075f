import { checkOptions, optionKeys } from '@neunet/options';
import type { Figure } from './figure.js';

export interface ConfusionMatrixOptions {
  title?: string;
  classNames?: readonly string[];
  width?: number;
  height?: number;
}

const OPTIONS = optionKeys<ConfusionMatrixOptions>()(['title', 'classNames', 'width', 'height']);

/**
 * `matrix[t][p]` (true class down, predicted class across, as `confusionMatrix` returns
 * it) as a heatmap with each count written in its cell, white on the dark cells.
 */
export function confusionMatrixFigure(
  matrix: ArrayLike<ArrayLike<number>>,
  options: ConfusionMatrixOptions = {},
): Figure {
  checkOptions('confusionMatrixFigure', options, OPTIONS);
  const { title = 'Confusion matrix', classNames, width = 520, height = 480 } = options;
  const n = matrix.length;
  if (n === 0) throw new Error('confusionMatrixFigure: the matrix is empty');
  const z = Array.from(matrix, (row, t) => {
    if (row.length !== n) {
      throw new Error(
        `confusionMatrixFigure: row ${t} has ${row.length} counts; expected ${n} (a square matrix)`,
      );
    }
    return Array.from(row, (v, p) => {
      if (!Number.isInteger(v) || v < 0) {
        throw new Error(
          `confusionMatrixFigure: matrix[${t}][${p}] is ${v}; expected a count (an integer >= 0)`,
        );
      }
      return v;
    });
  });
  const names = Array.from({ length: n }, (_, k) => classNames?.[k] ?? `class ${k}`);
  const largest = Math.max(1, ...z.flat());
  // Counts as annotations rather than a texttemplate, so that each picks a readable colour.
  const annotations = z.flatMap((row, t) =>
    row.map((count, p) => ({
      x: names[p],
      y: names[t],
      text: String(count),
      showarrow: false,
      font: { color: count > largest / 2 ? 'white' : '#222', size: 14 },
    })),
  );
  return {
    data: [
      {
        type: 'heatmap',
        x: names,
        y: names,
        z,
        // ColorBrewer's Blues from white: plotly's own 'Blues' runs from dark to light.
        colorscale: [
          [0, '#f7fbff'],
          [0.5, '#6baed6'],
          [1, '#08306b'],
        ],
        zmin: 0,
        hovertemplate: 'true %{y}, predicted %{x}: %{z}<extra></extra>',
      },
    ],
    layout: {
      title: { text: title },
      width,
      height,
      annotations,
      xaxis: { title: { text: 'predicted' }, side: 'bottom', type: 'category' },
      yaxis: { title: { text: 'true' }, autorange: 'reversed', type: 'category' },
    },
  };
}
