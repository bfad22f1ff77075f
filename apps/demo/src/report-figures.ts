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
import { imageFigures } from './image-figures.js';
import type { Split } from './tasks.js';

const ACTIVATIONS = new Set(['ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'Softmax', 'Linear']);
/** Samples whose activations the histograms count: a conv layer's outputs are large. */
const ACTIVATION_SAMPLES = 500;

/** The weights of each Dense layer and the kernel of each Conv2D, named as in the model summary. */
export function weightSeries(model: NeuralNetwork): HistogramSeries[] {
  return model.layers.flatMap((layer, i) => {
    const weights = layer.params().find((p) => p.name === 'weights' || p.name === 'kernel');
    const type = layer.getConfig().type;
    return weights
      ? [{ name: `${type} ${i + 1} ${weights.name}`, values: weights.value.data }]
      : [];
  });
}

/**
 * The output of every activation, and of every layer with a fused activation (Conv2D with
 * `activation: 'relu'`), for X in inference mode.
 */
export function activationSeries(model: NeuralNetwork, X: Tensor): HistogramSeries[] {
  const series: HistogramSeries[] = [];
  let out = X;
  model.layers.forEach((layer, i) => {
    out = layer.forward(out, { training: false });
    const { type, activation } = layer.getConfig();
    const fused = typeof activation === 'string' ? ` (${activation})` : '';
    // Copied: a layer reuses its output buffer on the next forward.
    if (ACTIVATIONS.has(type) || fused)
      series.push({ name: `${type} ${i + 1} output${fused}`, values: out.data.slice() });
  });
  return series;
}

/**
 * The report's views of a trained model, in reading order: the network (of Dense layers)
 * and its curves, the data and decision boundary of a 2-D classifier, the confusion
 * matrix of a classifier, the filters, feature maps and misclassified examples of an
 * image classifier, and the weight and activation histograms.
 */
export function reportFigures(
  model: NeuralNetwork,
  split: Split<Int32Array | Tensor>,
  history: History,
  evaluation: Evaluation,
): Figure[] {
  const images = split.XTest.shape.length === 4;
  const figures = images ? [] : [networkFigure(exportNetwork(model))];
  figures.push(
    trainingCurvesFigure(history, {
      logScale: true,
      // Only a run that monitors its test data has validation figures.
      ...(history.val_loss && {
        title: 'Training curves (validation: the test data, measured after each epoch)',
      }),
    }),
  );
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
  if (images && labels instanceof Int32Array && evaluation.predicted) {
    figures.push(
      ...imageFigures(model, split.XTest, labels, evaluation.predicted, split.classNames),
    );
  }
  const sampled = Math.min(split.XTest.rows, ACTIVATION_SAMPLES);
  const some = sampled < split.XTest.rows ? `the first ${sampled} scored samples` : 'scored data';
  figures.push(
    histogramsFigure(weightSeries(model), { title: 'Weights per layer' }),
    histogramsFigure(activationSeries(model, split.XTest.sliceRows(0, sampled)), {
      title: `Activations per layer (${some}; counts on a log axis for the ReLU zeros)`,
      logScale: true,
    }),
  );
  return figures;
}
