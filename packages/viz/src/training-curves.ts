import { checkOptions, optionKeys } from '@neunet/options';
import type { Data, Layout, Shape } from 'plotly.js';
import { CLASS_COLORS } from './colors.js';
import type { Figure } from './figure.js';
import { logAxisTicks, positiveRange } from './log-ticks.js';

/** Per-epoch figures, as `NeuralNetwork.train` returns them. */
export interface TrainingHistory {
  loss: ArrayLike<number>;
  accuracy?: ArrayLike<number>;
  val_loss?: ArrayLike<number>;
  val_accuracy?: ArrayLike<number>;
  /** Mean absolute error, recorded instead of accuracy for regression. */
  mae?: ArrayLike<number>;
  val_mae?: ArrayLike<number>;
  /** The epoch (from 0) whose weights were kept: marked with a dotted line. */
  bestEpoch?: number;
}

/** Figures of the weights the model ended with, measured once after training. */
export interface FinalFigures {
  /** The legend's name for them, such as 'kept weights, inference (test data)'. */
  name: string;
  loss?: number;
  accuracy?: number;
  mae?: number;
}

export interface TrainingCurvesOptions {
  /** Draw the loss on a logarithmic axis (ticks at round values). Default false. */
  logScale?: boolean;
  title?: string;
  /**
   * Legend names of the two series. Default 'train' and 'validation'; say what they
   * measured, such as 'training batches (Dropout on)' and 'test data'.
   */
  labels?: { train?: string; validation?: string };
  /**
   * Drawn as a star at the epoch whose weights were kept (`bestEpoch`, else the last):
   * the final model's figures, beside the per-epoch means of training mode.
   */
  final?: FinalFigures;
  width?: number;
  height?: number;
}

const OPTIONS = optionKeys<TrainingCurvesOptions>()([
  'logScale',
  'title',
  'labels',
  'final',
  'width',
  'height',
]);

const SPLITS = [
  { name: 'train', color: CLASS_COLORS[0]!, dash: 'solid' },
  { name: 'validation', color: CLASS_COLORS[1]!, dash: 'dash' },
] as const;
const FINAL_COLOR = CLASS_COLORS[3]!;

/** Recorded means present and non-empty: a regression run keeps an empty `accuracy`. */
const recorded = (values: ArrayLike<number> | undefined): values is ArrayLike<number> =>
  values !== undefined && values.length > 0;

/**
 * Loss (left) and, when recorded, accuracy or else MAE (right) per epoch, training and
 * validation.
 */
export function trainingCurvesFigure(
  history: TrainingHistory,
  options: TrainingCurvesOptions = {},
): Figure {
  checkOptions('trainingCurvesFigure', options, OPTIONS);
  const { logScale = false, title = 'Training curves', width, height = 420, final } = options;
  const names = [
    options.labels?.train ?? SPLITS[0].name,
    options.labels?.validation ?? SPLITS[1].name,
  ];
  const epochs = history.loss.length;
  const second = [
    { metric: 'accuracy', series: [history.accuracy, history.val_accuracy] },
    { metric: 'mae', series: [history.mae, history.val_mae] },
  ].find((panel) => panel.series.some(recorded));
  const panels = [
    { metric: 'loss', series: [history.loss, history.val_loss] },
    ...(second ? [second] : []),
  ];
  const data: Data[] = [];
  panels.forEach((panel, p) => {
    panel.series.forEach((values, s) => {
      if (!recorded(values)) return;
      const split = { ...SPLITS[s]!, name: names[s]! };
      const key = [`history.${panel.metric}`, `history.val_${panel.metric}`][s]!;
      checkSeries(key, values, epochs);
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: split.name,
        legendgroup: split.name,
        showlegend: p === 0 || !recorded(panels[0]!.series[s]),
        x: Array.from({ length: values.length }, (_, i) => i + 1),
        y: Array.from(values),
        line: { color: split.color, dash: split.dash, width: 2 },
        xaxis: p === 0 ? 'x' : 'x2',
        yaxis: p === 0 ? 'y' : 'y2',
        hovertemplate: `epoch %{x}<br>${panel.metric} %{y:.4f}<extra>${split.name}</extra>`,
      });
    });
  });

  const best = history.bestEpoch;
  if (best !== undefined && (!Number.isInteger(best) || best < 0 || best >= epochs)) {
    throw new Error(
      `trainingCurvesFigure: history.bestEpoch is ${best}; expected an epoch index in [0, ${epochs})`,
    );
  }
  if (final) data.push(...finalMarkers(final, panels, (best ?? epochs - 1) + 1));

  const layout: Partial<Layout> = {
    title: { text: title },
    height,
    hovermode: 'x unified',
    grid: { rows: 1, columns: panels.length, pattern: 'independent', xgap: 0.25 },
    legend: { orientation: 'h', y: -0.2 },
    xaxis: { title: { text: 'epoch' } },
    yaxis: { title: { text: panels[0]!.metric }, type: logScale ? 'log' : 'linear' },
  };
  const range = logScale && positiveRange(lossValues(history, final));
  if (range) Object.assign(layout.yaxis!, logAxisTicks(...range), { tickmode: 'array' });
  if (width !== undefined) layout.width = width;
  if (panels[1]) {
    layout.xaxis2 = { title: { text: 'epoch' } };
    // Accuracy lives in [0, 1]; an error such as MAE gets an axis fitted to its values.
    layout.yaxis2 =
      panels[1].metric === 'accuracy'
        ? { title: { text: 'accuracy' }, range: [0, 1.02] }
        : { title: { text: panels[1].metric } };
  }
  if (best !== undefined) {
    layout.shapes = panels.map(
      (_, p): Partial<Shape> => ({
        type: 'line',
        xref: p === 0 ? 'x' : 'x2',
        yref: p === 0 ? 'y domain' : 'y2 domain',
        x0: best + 1,
        x1: best + 1,
        y0: 0,
        y1: 1,
        line: { color: 'gray', dash: 'dot', width: 1 },
      }),
    );
  }
  return { data, layout };
}

/** Every loss value the axis shows: both series and the final figure. */
function* lossValues(history: TrainingHistory, final: FinalFigures | undefined): Iterable<number> {
  for (const series of [history.loss, history.val_loss]) {
    if (series) for (let i = 0; i < series.length; i++) yield series[i]!;
  }
  if (final?.loss !== undefined) yield final.loss;
}

/** One star per panel whose metric the final figures have, at the kept epoch. */
function finalMarkers(
  final: FinalFigures,
  panels: readonly { metric: string }[],
  epoch: number,
): Data[] {
  const markers: Data[] = [];
  panels.forEach((panel, p) => {
    const value = final[panel.metric as 'loss' | 'accuracy' | 'mae'];
    if (value === undefined) return;
    if (!Number.isFinite(value)) {
      throw new Error(
        `trainingCurvesFigure: final.${panel.metric} is ${value}; expected a finite number`,
      );
    }
    markers.push({
      type: 'scatter',
      mode: 'markers',
      name: final.name,
      legendgroup: 'final',
      showlegend: markers.length === 0,
      x: [epoch],
      y: [value],
      marker: { color: FINAL_COLOR, size: 13, symbol: 'star', line: { color: 'white', width: 1 } },
      xaxis: p === 0 ? 'x' : 'x2',
      yaxis: p === 0 ? 'y' : 'y2',
      hovertemplate: `epoch %{x}<br>${panel.metric} %{y:.4f}<extra>${final.name}</extra>`,
    });
  });
  return markers;
}

function checkSeries(key: string, values: ArrayLike<number>, epochs: number): void {
  if (values.length !== epochs) {
    throw new Error(
      `trainingCurvesFigure: ${key} has ${values.length} values; expected one per epoch of history.loss (${epochs})`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new Error(
        `trainingCurvesFigure: ${key}[${i}] is ${values[i]}; expected a finite number`,
      );
    }
  }
}
