import { checkOptions, optionKeys } from '@neunet/options';
import { classColor } from './colors.js';
import { classTraces } from './dataset.js';
import type { Figure } from './figure.js';
import { checkLabeledPoints, className, type LabeledPoints } from './points.js';

/** A regular grid over the plane: `points` holds every (x, y), x varying fastest. */
export interface BoundaryGrid {
  x: number[];
  y: number[];
  points: number[][];
}

export interface BoundaryGridOptions {
  /** Grid cells per axis. Default 100. */
  resolution?: number;
  /** Margin around the data, as a fraction of its extent. Default 0.1. */
  padding?: number;
}

const GRID_OPTIONS = optionKeys<BoundaryGridOptions>()(['resolution', 'padding']);

/** Class probabilities for the grid's points, one row per point as in `BoundaryGrid.points`. */
export interface GridProbabilities {
  x: number[];
  y: number[];
  proba: ArrayLike<ArrayLike<number>>;
}

/** A classifier's class probabilities for many 2-D points at once (a `predictProba`). */
export type PredictProba = (points: number[][]) => ArrayLike<ArrayLike<number>>;

export interface DecisionBoundaryOptions extends BoundaryGridOptions {
  title?: string;
  classNames?: readonly string[];
  width?: number;
  height?: number;
}

const BOUNDARY_OPTIONS = optionKeys<DecisionBoundaryOptions>()([
  ...GRID_OPTIONS,
  'title',
  'classNames',
  'width',
  'height',
]);

/** The grid of `resolution × resolution` points covering the data plus `padding`. */
export function boundaryGrid(
  points: ArrayLike<ArrayLike<number>>,
  options: BoundaryGridOptions = {},
): BoundaryGrid {
  checkOptions('boundaryGrid', options, GRID_OPTIONS);
  const { resolution = 100, padding = 0.1 } = options;
  if (!Number.isInteger(resolution) || resolution < 2) {
    throw new Error(`boundaryGrid: resolution is ${resolution}; expected an integer >= 2`);
  }
  if (!(padding >= 0 && Number.isFinite(padding))) {
    throw new Error(`boundaryGrid: padding is ${padding}; expected a finite number >= 0`);
  }
  if (points.length === 0) throw new Error('boundaryGrid: no points to cover');
  const axis = (d: 0 | 1) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < points.length; i++) {
      const v = points[i]![d]!;
      if (!Number.isFinite(v)) {
        throw new Error(`boundaryGrid: point ${i} is not a pair of finite numbers [x, y]`);
      }
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const margin = (hi - lo || 1) * padding;
    const start = lo - margin;
    const step = (hi + margin - start) / (resolution - 1);
    return Array.from({ length: resolution }, (_, i) => start + i * step);
  };
  const x = axis(0);
  const y = axis(1);
  return { x, y, points: y.flatMap((yv) => x.map((xv) => [xv, yv])) };
}

/**
 * The regions where a 2-D classifier predicts each class (a heatmap of the arg max of its
 * probabilities, the winning probability in the hover text) under the labelled points. Pass
 * the classifier as a `predictProba` callback, evaluated on `boundaryGrid(points)`, or
 * probabilities already computed on a grid (say, in a worker).
 */
export function decisionBoundaryFigure(
  data: LabeledPoints,
  classifier: PredictProba | GridProbabilities,
  options: DecisionBoundaryOptions = {},
): Figure {
  checkOptions('decisionBoundaryFigure', options, BOUNDARY_OPTIONS);
  const { title = 'Decision boundary', classNames, width = 560, height = 520 } = options;
  const dataClasses = checkLabeledPoints('decisionBoundaryFigure', data);
  let grid: GridProbabilities;
  if (typeof classifier === 'function') {
    const { resolution, padding } = options;
    const { x, y, points } = boundaryGrid(data.points, { resolution, padding });
    grid = { x, y, proba: classifier(points) };
  } else {
    grid = classifier;
  }
  const { x, y, proba } = grid;
  if (proba.length !== x.length * y.length) {
    throw new Error(
      `decisionBoundaryFigure: ${proba.length} probability rows for a ${x.length} × ${y.length} grid; expected ${x.length * y.length}`,
    );
  }
  const outputs = proba[0]?.length ?? 0;
  // A single sigmoid output is the probability of class 1.
  const classes = Math.max(outputs === 1 ? 2 : outputs, dataClasses);
  const z: number[][] = [];
  const text: string[][] = [];
  for (let r = 0; r < y.length; r++) {
    const zRow: number[] = [];
    const textRow: string[] = [];
    for (let c = 0; c < x.length; c++) {
      const i = r * x.length + c;
      const [label, p] = argmax(proba[i]!, i, outputs);
      zRow.push(label);
      textRow.push(`${className(classNames, label)} (p = ${p.toFixed(2)})`);
    }
    z.push(zRow);
    text.push(textRow);
  }
  const colorscale: [number, string][] = [];
  for (let k = 0; k < classes; k++) {
    colorscale.push([k / classes, classColor(k)], [(k + 1) / classes, classColor(k)]);
  }
  return {
    data: [
      {
        type: 'heatmap',
        name: 'prediction',
        x,
        y,
        z,
        zmin: -0.5,
        zmax: classes - 0.5,
        colorscale,
        showscale: false,
        opacity: 0.35,
        customdata: text,
        hovertemplate: '(%{x:.2f}, %{y:.2f}): %{customdata}<extra></extra>',
      },
      ...classTraces(data, dataClasses, classNames),
    ],
    layout: {
      title: { text: title },
      width,
      height,
      hovermode: 'closest',
      xaxis: { title: { text: 'x₁' }, range: [x[0]!, x.at(-1)!], zeroline: false },
      yaxis: {
        title: { text: 'x₂' },
        range: [y[0]!, y.at(-1)!],
        zeroline: false,
        scaleanchor: 'x',
      },
    },
  };
}

function argmax(row: ArrayLike<number>, index: number, outputs: number): [number, number] {
  if (row.length !== outputs) {
    throw new Error(
      `decisionBoundaryFigure: probability row ${index} has ${row.length} values; expected ${outputs} like row 0`,
    );
  }
  if (outputs === 1) {
    const p = row[0]!;
    return p >= 0.5 ? [1, p] : [0, 1 - p];
  }
  let best = 0;
  for (let k = 1; k < outputs; k++) if (row[k]! > row[best]!) best = k;
  const p = row[best]!;
  if (!Number.isFinite(p)) {
    throw new Error(`decisionBoundaryFigure: probability row ${index} holds non-finite values`);
  }
  return [best, p];
}
