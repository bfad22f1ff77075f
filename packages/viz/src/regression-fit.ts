import { checkOptions, optionKeys } from '@neunet/options';
import type { Data } from 'plotly.js';
import { CLASS_COLORS } from './colors.js';
import type { Figure } from './figure.js';

/** Samples of a function of one input: `y[i]` at `x[i]`. */
export interface Curve {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

export interface RegressionFitData {
  /** The model's prediction over a grid of inputs, drawn as a line in x order. */
  fit: Curve;
  /** The samples it learned from: drawn faint. */
  train?: Curve;
  /** The samples it is scored on. */
  test?: Curve;
}

export interface RegressionFitOptions {
  title?: string;
  /** Axis titles. Default 'x' and 'y'. */
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
}

const OPTIONS = optionKeys<RegressionFitOptions>()([
  'title',
  'xLabel',
  'yLabel',
  'width',
  'height',
]);

/**
 * A one-input regression: the data as points (training faint, test solid) and the model's
 * fitted curve through them, so that where it bends away from the data shows.
 */
export function regressionFitFigure(
  data: RegressionFitData,
  options: RegressionFitOptions = {},
): Figure {
  checkOptions('regressionFitFigure', options, OPTIONS);
  const {
    title = 'Fitted curve and data',
    xLabel = 'x',
    yLabel = 'y',
    width,
    height = 460,
  } = options;
  const traces: Data[] = [];
  for (const [key, name, color, opacity] of [
    ['train', 'training data', CLASS_COLORS[0]!, 0.35],
    ['test', 'test data', CLASS_COLORS[0]!, 0.9],
  ] as const) {
    const curve = data[key];
    if (!curve) continue;
    const [x, y] = checkCurve(key, curve);
    traces.push({
      type: 'scatter',
      mode: 'markers',
      name,
      x,
      y,
      marker: { color, size: 5, opacity, ...(key === 'test' && { symbol: 'diamond' }) },
      hovertemplate: `${xLabel} %{x:.3f}<br>${yLabel} %{y:.3f}<extra>${name}</extra>`,
    });
  }
  const [x, y] = checkCurve('fit', data.fit);
  const order = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]!);
  traces.push({
    type: 'scatter',
    mode: 'lines',
    name: 'model',
    x: order.map((i) => x[i]!),
    y: order.map((i) => y[i]!),
    line: { color: CLASS_COLORS[3]!, width: 3 },
    hovertemplate: `${xLabel} %{x:.3f}<br>predicted %{y:.4f}<extra>model</extra>`,
  });
  return {
    data: traces,
    layout: {
      title: { text: title },
      height,
      ...(width !== undefined && { width }),
      hovermode: 'closest',
      legend: { orientation: 'h', y: -0.2 },
      xaxis: { title: { text: xLabel }, zeroline: false },
      yaxis: { title: { text: yLabel }, zeroline: false },
    },
  };
}

function checkCurve(key: string, curve: Curve): [number[], number[]] {
  const x = Array.from(curve.x);
  const y = Array.from(curve.y);
  if (x.length !== y.length || x.length === 0) {
    throw new Error(
      `regressionFitFigure: ${key} has ${x.length} x and ${y.length} y values; expected as many of each, at least one`,
    );
  }
  for (const [axis, values] of [
    ['x', x],
    ['y', y],
  ] as const) {
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new Error(
        `regressionFitFigure: ${key}.${axis}[${bad}] is ${values[bad]}; expected a finite number`,
      );
    }
  }
  return [x, y];
}
