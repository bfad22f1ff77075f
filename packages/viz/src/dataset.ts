import { checkOptions, optionKeys } from '@neunet/options';
import type { Data } from 'plotly.js';
import { classColor } from './colors.js';
import type { Figure } from './figure.js';
import { checkLabeledPoints, className, type LabeledPoints } from './points.js';

export interface DatasetFigureOptions {
  title?: string;
  /** Legend names per class; `class 0`, `class 1`, ... when absent. */
  classNames?: readonly string[];
  width?: number;
  height?: number;
}

const OPTIONS = optionKeys<DatasetFigureOptions>()(['title', 'classNames', 'width', 'height']);

/** A 2-D scatter of the samples, one coloured trace per class. */
export function datasetFigure(data: LabeledPoints, options: DatasetFigureOptions = {}): Figure {
  checkOptions('datasetFigure', options, OPTIONS);
  const { title = 'Data set', classNames, width = 560, height = 520 } = options;
  const classes = checkLabeledPoints('datasetFigure', data);
  return {
    data: classTraces(data, classes, classNames),
    layout: {
      title: { text: title },
      width,
      height,
      hovermode: 'closest',
      xaxis: { title: { text: 'x₁' }, zeroline: false },
      yaxis: { title: { text: 'x₂' }, zeroline: false, scaleanchor: 'x' },
    },
  };
}

/** One scatter trace per class, in class order; shared with the decision boundary. */
export function classTraces(
  data: LabeledPoints,
  classes: number,
  classNames: readonly string[] | undefined,
): Data[] {
  const xs: number[][] = Array.from({ length: classes }, () => []);
  const ys: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < data.points.length; i++) {
    const p = data.points[i]!;
    const label = data.labels[i]!;
    xs[label]!.push(p[0]!);
    ys[label]!.push(p[1]!);
  }
  return xs.map((x, c) => ({
    type: 'scatter',
    mode: 'markers',
    name: className(classNames, c),
    x,
    y: ys[c]!,
    marker: { color: classColor(c), size: 7, line: { color: 'white', width: 0.8 } },
    hovertemplate: `(%{x:.3f}, %{y:.3f})<extra>${className(classNames, c)}</extra>`,
  }));
}
