import type { Data, Layout, Shape } from 'plotly.js';
import { CLASS_COLORS } from './colors.js';
import type { Figure } from './figure.js';

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

export interface TrainingCurvesOptions {
  /** Draw the loss on a logarithmic axis. Default false. */
  logScale?: boolean;
  title?: string;
  width?: number;
  height?: number;
}

const SPLITS = [
  { name: 'train', color: CLASS_COLORS[0]!, dash: 'solid' },
  { name: 'validation', color: CLASS_COLORS[1]!, dash: 'dash' },
] as const;

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
  const { logScale = false, title = 'Training curves', width, height = 420 } = options;
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
      const split = SPLITS[s]!;
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

  const layout: Partial<Layout> = {
    title: { text: title },
    height,
    hovermode: 'x unified',
    grid: { rows: 1, columns: panels.length, pattern: 'independent', xgap: 0.25 },
    legend: { orientation: 'h', y: -0.2 },
    xaxis: { title: { text: 'epoch' } },
    yaxis: {
      title: { text: panels[0]!.metric },
      type: logScale && panels[0]!.metric === 'loss' ? 'log' : 'linear',
    },
  };
  if (width !== undefined) layout.width = width;
  if (panels[1]) {
    layout.xaxis2 = { title: { text: 'epoch' } };
    // Accuracy lives in [0, 1]; an error such as MAE gets an axis fitted to its values.
    layout.yaxis2 =
      panels[1].metric === 'accuracy'
        ? { title: { text: 'accuracy' }, range: [0, 1.02] }
        : { title: { text: panels[1].metric } };
  }
  const best = history.bestEpoch;
  if (best !== undefined) {
    if (!Number.isInteger(best) || best < 0 || best >= epochs) {
      throw new Error(
        `trainingCurvesFigure: history.bestEpoch is ${best}; expected an epoch index in [0, ${epochs})`,
      );
    }
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
