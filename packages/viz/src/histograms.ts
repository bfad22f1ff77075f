import { checkOptions, optionKeys } from '@neunet/options';
import type { Data, Layout } from 'plotly.js';
import { CLASS_COLORS } from './colors.js';
import type { Figure } from './figure.js';
import { logAxisTicks, positiveRange } from './log-ticks.js';

/** Values to histogram under one name: a layer's weights, or its activations. */
export interface HistogramSeries {
  name: string;
  values: ArrayLike<number>;
}

export interface HistogramsOptions {
  title?: string;
  /** Bins per histogram. Default 30. */
  bins?: number;
  /** Panels per row. Default: all in one row, up to 4. */
  columns?: number;
  width?: number;
  /** Height of one row of panels. Default 300. */
  rowHeight?: number;
  /** Counts on a logarithmic axis (ticks at round counts), for spikes such as ReLU's zeros. Default false. */
  logScale?: boolean;
}

const OPTIONS = optionKeys<HistogramsOptions>()([
  'title',
  'bins',
  'columns',
  'width',
  'rowHeight',
  'logScale',
]);

/** Equal-width bins over [min, max]: bin centres, counts and the bin width. */
export function binValues(
  values: ArrayLike<number>,
  bins: number,
): { centers: number[]; counts: number[]; width: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new Error(`value ${i} is ${v}; expected a finite number`);
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (values.length === 0) return { centers: [], counts: [], width: 0 };
  // All-equal values (a dead ReLU layer) still get a visible bar.
  const width = hi > lo ? (hi - lo) / bins : 1 / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(bins - 1, Math.floor((values[i]! - lo) / width));
    counts[b]!++;
  }
  return { centers: counts.map((_, b) => lo + (b + 0.5) * width), counts, width };
}

/**
 * One histogram panel per series (a layer's weights or activations), binned here so that
 * the figure carries counts, not every value.
 */
export function histogramsFigure(
  series: readonly HistogramSeries[],
  options: HistogramsOptions = {},
): Figure {
  checkOptions('histogramsFigure', options, OPTIONS);
  const { title = 'Histograms', bins = 30, rowHeight = 300, logScale = false } = options;
  if (series.length === 0) throw new Error('histogramsFigure: no series to draw');
  if (!Number.isInteger(bins) || bins < 1) {
    throw new Error(`histogramsFigure: bins is ${bins}; expected an integer >= 1`);
  }
  const columns = options.columns ?? Math.min(series.length, 4);
  if (!Number.isInteger(columns) || columns < 1) {
    throw new Error(`histogramsFigure: columns is ${columns}; expected an integer >= 1`);
  }
  const rows = Math.ceil(series.length / columns);
  const layout: Partial<Layout> = {
    title: { text: title },
    height: rows * rowHeight + 80,
    showlegend: false,
    bargap: 0.05,
    grid: { rows, columns, pattern: 'independent' },
  };
  if (options.width !== undefined) layout.width = options.width;
  const data: Data[] = series.map((s, i) => {
    let binned: ReturnType<typeof binValues>;
    try {
      binned = binValues(s.values, bins);
    } catch (error) {
      throw new Error(`histogramsFigure: series '${s.name}': ${(error as Error).message}`);
    }
    const suffix = i === 0 ? '' : String(i + 1);
    // The typings name axes only up to xaxis9; plotly.js takes any number.
    (layout as Record<string, unknown>)[`xaxis${suffix}`] = { title: { text: s.name } };
    const counts = logScale && positiveRange(binned.counts);
    (layout as Record<string, unknown>)[`yaxis${suffix}`] = counts
      ? { type: 'log', tickmode: 'array', ...logAxisTicks(...counts) }
      : { type: logScale ? 'log' : 'linear' };
    return {
      type: 'bar',
      name: s.name,
      x: binned.centers,
      y: binned.counts,
      width: binned.width,
      marker: { color: CLASS_COLORS[i % CLASS_COLORS.length]! },
      xaxis: `x${suffix}`,
      yaxis: `y${suffix}`,
      hovertemplate: `${s.name}<br>%{x:.3f}: %{y}<extra></extra>`,
    };
  });
  return { data, layout };
}
