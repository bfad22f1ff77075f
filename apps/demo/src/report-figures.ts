import { exportNetwork, type History, type NeuralNetwork } from '@neunet/model';
import { Tensor } from '@neunet/tensor';
import {
  confusionMatrixFigure,
  datasetFigure,
  decisionBoundaryFigure,
  type Figure,
  type HistogramSeries,
  histogramsFigure,
  networkFigure,
  trainingCurvesFigure,
} from '@neunet/viz';
import type { Evaluation } from './evaluate.js';
import type { Split } from './tasks.js';

const ACTIVATIONS = new Set(['ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'Softmax', 'Linear']);

/** The weights of each Dense layer, named as in the model summary. */
export function weightSeries(model: NeuralNetwork): HistogramSeries[] {
  return model.layers.flatMap((layer, i) => {
    const weights = layer.params().find((p) => p.name === 'weights');
    return weights ? [{ name: `Dense ${i + 1} weights`, values: weights.value.data }] : [];
  });
}

/** The output of every activation layer for X, in inference mode. */
export function activationSeries(model: NeuralNetwork, X: Tensor): HistogramSeries[] {
  const series: HistogramSeries[] = [];
  let out = X;
  model.layers.forEach((layer, i) => {
    out = layer.forward(out, { training: false });
    const type = layer.getConfig().type;
    // Copied: a layer reuses its output buffer on the next forward.
    if (ACTIVATIONS.has(type))
      series.push({ name: `${type} ${i + 1} output`, values: out.data.slice() });
  });
  return series;
}

/**
 * The report's views of a trained model, in reading order: the network and its curves,
 * the data and decision boundary of a 2-D classifier, the confusion matrix of a
 * classifier, and the weight and activation histograms.
 */
export function reportFigures(
  model: NeuralNetwork,
  split: Split<Int32Array | Tensor>,
  history: History,
  evaluation: Evaluation,
): Figure[] {
  const figures = [
    networkFigure(exportNetwork(model)),
    trainingCurvesFigure(history, { logScale: true }),
  ];
  const labels = split.yTest;
  if (labels instanceof Int32Array && split.XTest.cols === 2) {
    const points = split.XTest.toArray();
    figures.push(
      datasetFigure({ points, labels }, { title: 'The data set (scored part)' }),
      decisionBoundaryFigure({ points, labels }, (grid) =>
        model.predictProba(new Tensor(grid)).toArray(),
      ),
    );
  }
  if (evaluation.confusion) {
    figures.push(
      confusionMatrixFigure(evaluation.confusion, {
        title: 'Confusion matrix',
        ...(split.classNames && { classNames: split.classNames }),
      }),
    );
  }
  figures.push(
    histogramsFigure(weightSeries(model), { title: 'Weights per Dense layer' }),
    histogramsFigure(activationSeries(model, split.XTest), {
      title: 'Activations per layer (scored data; counts on a log axis for the ReLU zeros)',
      logScale: true,
    }),
  );
  return figures;
}
