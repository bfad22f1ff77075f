import { describe, expect, it } from 'vitest';
import { CLASS_COLORS } from './colors.js';
import { confusionMatrixFigure } from './confusion-matrix.js';
import { datasetFigure } from './dataset.js';
import { boundaryGrid, decisionBoundaryFigure } from './decision-boundary.js';
import { binValues, histogramsFigure } from './histograms.js';
import { regressionFitFigure } from './regression-fit.js';
import { trainingCurvesFigure } from './training-curves.js';

// biome-ignore lint/suspicious/noExplicitAny: assertions read trace fields of every trace type
type Trace = Record<string, any>;
const points = [
  [0, 0],
  [1, 0],
  [0, 2],
  [1, 2],
];
const labels = [0, 0, 1, 1];

describe('trainingCurvesFigure', () => {
  const history = {
    loss: [1, 0.5, 0.25],
    accuracy: [0.4, 0.7, 0.9],
    val_loss: [1.1, 0.6, 0.4],
    val_accuracy: [0.3, 0.6, 0.8],
    bestEpoch: 2,
  };

  it('draws loss and accuracy side by side, train and validation in each', () => {
    const { data, layout } = trainingCurvesFigure(history);
    const traces = data as Trace[];
    expect(traces.map((t) => [t.name, t.xaxis, t.y])).toEqual([
      ['train', 'x', history.loss],
      ['validation', 'x', history.val_loss],
      ['train', 'x2', history.accuracy],
      ['validation', 'x2', history.val_accuracy],
    ]);
    expect(traces[0]!.x).toEqual([1, 2, 3]);
    expect(traces.map((t) => t.showlegend)).toEqual([true, true, false, false]);
    expect(layout.yaxis?.type).toBe('linear');
    expect(layout.shapes?.map((s) => s.x0)).toEqual([3, 3]);
  });

  it('draws MAE beside the loss for a regression run, whose accuracy is empty', () => {
    const regression = { loss: [0.5, 0.2], accuracy: [], mae: [0.6, 0.3] };
    const traces = trainingCurvesFigure(regression).data as Trace[];
    expect(traces.map((t) => [t.xaxis, t.y])).toEqual([
      ['x', regression.loss],
      ['x2', regression.mae],
    ]);
    expect(trainingCurvesFigure(regression).layout.yaxis2?.title).toEqual({ text: 'mae' });
  });

  it('puts the loss on a log axis on request, and draws loss alone without accuracy', () => {
    expect(trainingCurvesFigure(history, { logScale: true }).layout.yaxis?.type).toBe('log');
    const lossOnly = trainingCurvesFigure({ loss: [2, 1] });
    expect(lossOnly.data).toHaveLength(1);
    expect(lossOnly.layout.grid?.columns).toBe(1);
  });

  it('names the series as asked, and stars the final model at the kept epoch', () => {
    const { data } = trainingCurvesFigure(history, {
      labels: { train: 'training batches, Dropout on', validation: 'test data' },
      final: { name: 'final model (test)', loss: 0.35, accuracy: 0.85 },
    });
    const traces = data as Trace[];
    expect(traces.map((t) => t.name)).toEqual([
      'training batches, Dropout on',
      'test data',
      'training batches, Dropout on',
      'test data',
      'final model (test)',
      'final model (test)',
    ]);
    const stars = traces.slice(4);
    // bestEpoch 2 is the third epoch, drawn at x = 3, on the loss and the accuracy panel.
    expect(stars.map((t) => [t.x, t.y, t.xaxis, t.marker.symbol, t.showlegend])).toEqual([
      [[3], [0.35], 'x', 'star', true],
      [[3], [0.85], 'x2', 'star', false],
    ]);
    // Without bestEpoch the star sits at the last epoch; a figure the panel lacks is skipped.
    const { bestEpoch: _, ...all } = history;
    const last = trainingCurvesFigure(all, { final: { name: 'f', accuracy: 0.9 } });
    expect((last.data as Trace[]).filter((t) => t.name === 'f').map((t) => [t.x, t.xaxis])).toEqual(
      [[[3], 'x2']],
    );
    expect(() => trainingCurvesFigure(history, { final: { name: 'f', loss: Number.NaN } })).toThrow(
      /final.loss is NaN/,
    );
  });

  it('ticks a log loss axis at round values spanning both series and the final loss', () => {
    const { layout } = trainingCurvesFigure(history, {
      logScale: true,
      final: { name: 'f', loss: 0.2 },
    });
    // Values from 0.2 to 1.1: two decades do not fit, 1-2-5 steps give 0.2, 0.5, 1.
    expect(layout.yaxis).toMatchObject({
      type: 'log',
      tickmode: 'array',
      tickvals: [0.2, 0.5, 1],
      ticktext: ['0.2', '0.5', '1'],
    });
  });

  it('rejects series of the wrong length or with non-finite values', () => {
    expect(() => trainingCurvesFigure({ loss: [1, 2], accuracy: [1] })).toThrow(
      /history.accuracy has 1 values; expected one per epoch of history.loss \(2\)/,
    );
    expect(() => trainingCurvesFigure({ loss: [1, Number.NaN] })).toThrow(
      /history.loss\[1\] is NaN/,
    );
  });
});

describe('datasetFigure', () => {
  it('draws one coloured trace per class with its points', () => {
    const traces = datasetFigure({ points, labels }, { classNames: ['a', 'b'] }).data as Trace[];
    expect(traces.map((t) => [t.name, t.x, t.y, t.marker.color])).toEqual([
      ['a', [0, 1], [0, 0], CLASS_COLORS[0]],
      ['b', [0, 1], [2, 2], CLASS_COLORS[1]],
    ]);
  });

  it('names a bad point or label', () => {
    expect(() => datasetFigure({ points, labels: [0, 1, 2] })).toThrow(/4 points but 3 labels/);
    expect(() => datasetFigure({ points, labels: [0, 1, -1, 0] })).toThrow(/label 2 is -1/);
    expect(() => datasetFigure({ points: [[0, Number.NaN]], labels: [0] })).toThrow(/point 0/);
  });
});

describe('boundaryGrid and decisionBoundaryFigure', () => {
  it('covers the data plus padding, x varying fastest', () => {
    const grid = boundaryGrid(points, { resolution: 3, padding: 0.5 });
    expect(grid.x).toEqual([-0.5, 0.5, 1.5]);
    expect(grid.y).toEqual([-1, 1, 3]);
    expect(grid.points.slice(0, 4)).toEqual([
      [-0.5, -1],
      [0.5, -1],
      [1.5, -1],
      [-0.5, 1],
    ]);
  });

  it('colours each grid cell by the class the callback predicts there, points on top', () => {
    // Class 1 above y = 1.5: the grid rows at y = -1 and 1 are class 0, the row at 3 class 1.
    const predict = (grid: number[][]) => grid.map(([, y]) => (y! > 1.5 ? [0.2, 0.8] : [0.9, 0.1]));
    const { data } = decisionBoundaryFigure({ points, labels }, predict, {
      resolution: 3,
      padding: 0.5,
    });
    const [heatmap, ...scatter] = data as Trace[];
    expect(heatmap!.type).toBe('heatmap');
    expect(heatmap!.z).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [1, 1, 1],
    ]);
    expect(heatmap!.customdata[2][0]).toBe('class 1 (p = 0.80)');
    expect(heatmap!.colorscale).toEqual([
      [0, CLASS_COLORS[0]],
      [0.5, CLASS_COLORS[0]],
      [0.5, CLASS_COLORS[1]],
      [1, CLASS_COLORS[1]],
    ]);
    expect(scatter.map((t) => t.name)).toEqual(['class 0', 'class 1']);
  });

  it('takes probabilities computed elsewhere, and a single sigmoid output', () => {
    const { data } = decisionBoundaryFigure(
      { points, labels },
      { x: [0, 1], y: [0, 1], proba: [[0.1], [0.6], [0.4], [0.9]] },
    );
    expect((data[0] as Trace).z).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(() =>
      decisionBoundaryFigure({ points, labels }, { x: [0, 1], y: [0, 1], proba: [[1]] }),
    ).toThrow(/1 probability rows for a 2 × 2 grid; expected 4/);
  });
});

describe('confusionMatrixFigure', () => {
  it('is an annotated heatmap, true classes down, predictions across', () => {
    const { data, layout } = confusionMatrixFigure([
      [5, 1],
      [0, 7],
    ]);
    const heatmap = data[0] as Trace;
    expect(heatmap.z).toEqual([
      [5, 1],
      [0, 7],
    ]);
    expect(layout.annotations?.map((a) => [a.x, a.y, a.text, a.font?.color])).toEqual([
      ['class 0', 'class 0', '5', 'white'], // above half the largest count
      ['class 1', 'class 0', '1', '#222'],
      ['class 0', 'class 1', '0', '#222'],
      ['class 1', 'class 1', '7', 'white'],
    ]);
    expect(heatmap.x).toEqual(['class 0', 'class 1']);
    expect(layout.yaxis?.autorange).toBe('reversed');
    expect(() => confusionMatrixFigure([[1, 2]])).toThrow(/row 0 has 2 counts; expected 1/);
  });
});

describe('histogramsFigure', () => {
  it('bins values into equal-width bins over their range', () => {
    const { centers, counts, width } = binValues([0, 0.1, 0.5, 0.99, 1], 2);
    expect(width).toBe(0.5);
    expect(centers).toEqual([0.25, 0.75]);
    expect(counts).toEqual([2, 3]); // 0.5 opens the second bin; the maximum closes it
    expect(binValues([3, 3], 4).counts).toEqual([2, 0, 0, 0]);
  });

  it('draws one bar panel per series on its own axes', () => {
    const { data, layout } = histogramsFigure(
      [
        { name: 'Dense 1 weights', values: Float32Array.from([1, 2, 3]) },
        { name: 'Dense 2 weights', values: [0, 0, 1] },
      ],
      { bins: 3 },
    );
    const traces = data as Trace[];
    expect(traces.map((t) => [t.xaxis, t.yaxis, t.y])).toEqual([
      ['x', 'y', [1, 1, 1]],
      ['x2', 'y2', [2, 0, 1]],
    ]);
    expect(layout.xaxis2?.title).toEqual({ text: 'Dense 2 weights' });
    expect(layout.yaxis2?.type).toBe('linear');
    const log = histogramsFigure([{ name: 'a', values: [0, 0, 1] }], { logScale: true });
    expect(log.layout.yaxis?.type).toBe('log');
    // Counts 2 (zeros) and 1 (the one): ticks at the round counts, not plotly's bare digits.
    expect(log.layout.yaxis).toMatchObject({
      tickmode: 'array',
      tickvals: [1, 2],
      ticktext: ['1', '2'],
    });
    expect(() => histogramsFigure([{ name: 'w', values: [Number.POSITIVE_INFINITY] }])).toThrow(
      /series 'w': value 0 is Infinity/,
    );
  });
});

describe('regressionFitFigure', () => {
  it('draws the data as points and the fitted curve as a line in x order', () => {
    const { data, layout } = regressionFitFigure(
      {
        fit: { x: [1, 0, 2], y: [0.8, 0.1, 0.9] },
        train: { x: [0, 1], y: [0, 1] },
        test: { x: new Float32Array([2]), y: new Float32Array([1]) },
      },
      { xLabel: 'x', yLabel: 'sin x' },
    );
    const traces = data as Trace[];
    expect(traces.map((t) => [t.name, t.mode, t.x, t.y])).toEqual([
      ['training data', 'markers', [0, 1], [0, 1]],
      ['test data', 'markers', [2], [1]],
      ['model', 'lines', [0, 1, 2], [0.1, 0.8, 0.9]],
    ]);
    // The training points are the faint ones.
    expect(traces[0]!.marker.opacity).toBeLessThan(traces[1]!.marker.opacity);
    expect(layout.yaxis?.title).toEqual({ text: 'sin x' });
  });

  it('names a curve whose x and y do not pair up or are not finite', () => {
    expect(() => regressionFitFigure({ fit: { x: [0, 1], y: [0] } })).toThrow(
      /fit has 2 x and 1 y values/,
    );
    expect(() =>
      regressionFitFigure({ fit: { x: [0], y: [0] }, test: { x: [0], y: [Number.NaN] } }),
    ).toThrow(/test.y\[0\] is NaN/);
  });
});
