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
  regressionFitFigure,
  trainingCurvesFigure,
  weightMatricesFigure,
} from '@neunet/viz';
import type { Evaluation } from './evaluate.js';
import { imageFigures } from './image-figures.js';
import { predictProbaInBatches } from './predictions.js';
import type { Split } from './tasks.js';
import { trainingBatches } from './training-mode.js';

const ACTIVATIONS = new Set(['ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'Softmax', 'Linear']);
/** Samples whose activations the histograms count: a conv layer's outputs are large. */
const ACTIVATION_SAMPLES = 500;
/** Neurons the network figure draws of a layer; the weight matrices show every one. */
const NETWORK_NODES = 32;
/** Points of the input range at which a one-input regression's fitted curve is drawn. */
const FIT_POINTS = 200;
/** Why the activation histograms count on a log axis, per activation that needs it. */
const LOG_REASONS: Record<string, string> = {
  ReLU: 'ReLU’s zeros',
  LeakyReLU: 'the pile near zero',
  Tanh: 'the saturated ends at ±1',
  Sigmoid: 'the saturated ends at 0 and 1',
};

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

/** The activation of each layer, by name: activation layers and fused ones alike. */
function activationsOf(model: NeuralNetwork): string[] {
  return model.layers.flatMap((layer) => {
    const { type, activation } = layer.getConfig();
    if (ACTIVATIONS.has(type)) return [type as string];
    return typeof activation === 'string' ? [activation === 'relu' ? 'ReLU' : activation] : [];
  });
}

/** What the network figure shows, for this network: its widths, activations and any sampling. */
export function networkTitle(model: NeuralNetwork, widths: readonly number[]): string {
  const activations = activationsOf(model);
  const hidden = [...new Set(activations.slice(0, -1))];
  const output = activations.at(-1);
  const uses = [
    ...(hidden.length > 0 ? [`${hidden.join(', ')} hidden`] : []),
    ...(output ? [`${output} output`] : []),
  ];
  const wide = widths.some((n) => n > NETWORK_NODES)
    ? `; of a layer wider than ${NETWORK_NODES}, its ${NETWORK_NODES} neurons with the largest |weights|`
    : '';
  return `The network: Dense ${widths.join('-')}${uses.length ? ` (${uses.join(', ')})` : ''}<br>green positive, red negative weights, width ∝ |weight|${wide}`;
}

/** The activation histograms' title: the samples, and why the counts are on a log axis. */
export function activationsTitle(model: NeuralNetwork, samples: string): string {
  const reasons = [...new Set(activationsOf(model))].flatMap((a) => LOG_REASONS[a] ?? []);
  const why = reasons.length > 0 ? `, so that ${reasons.join(' and ')} do not hide the rest` : '';
  return `Activations per layer (${samples}; counts on a log axis${why})`;
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
 * and its curves, the fitted curve of a one-input regression, the data and decision
 * boundary of a 2-D classifier, the confusion matrix of a classifier, the filters, feature
 * maps and misclassified examples of an image classifier, the weight matrices of a Dense
 * network and the weight and activation histograms.
 */
export function reportFigures(
  model: NeuralNetwork,
  split: Split<Int32Array | Tensor>,
  history: History,
  evaluation: Evaluation,
): Figure[] {
  const images = split.XTest.shape.length === 4;
  const network = images ? undefined : exportNetwork(model);
  const figures: Figure[] = [];
  if (network) {
    const widths = network.layers.map((layer) => layer.neurons);
    figures.push(
      networkFigure(network, { title: networkTitle(model, widths), maxNodes: NETWORK_NODES }),
    );
  }
  const { scored } = evaluation;
  const labels = split.yTest;
  const classifier = labels instanceof Int32Array;
  figures.push(
    trainingCurvesFigure(history, {
      logScale: true,
      // Only a run that monitors its test data has validation figures.
      title: history.val_loss
        ? 'Training curves: each epoch’s training batches, and the test data after each epoch'
        : 'Training curves: each epoch’s training batches',
      labels: { train: trainingBatches(model), validation: 'test data' },
      final: {
        name: `final model, inference mode (${scored})`,
        loss: evaluation.loss,
        ...(classifier
          ? { accuracy: figure(evaluation, `accuracy (${scored})`) }
          : { mae: figure(evaluation, `MAE (${scored})`) }),
      },
    }),
  );
  if (!classifier && split.XTest.cols === 1) figures.push(regressionFit(model, split));
  if (classifier && split.XTest.cols === 2) {
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
  const data = scored === 'test' ? 'test data' : scored;
  const some = sampled < split.XTest.rows ? `the first ${sampled} of the ${data}` : `the ${data}`;
  if (network) {
    figures.push(
      weightMatricesFigure(network, {
        title: 'Weight matrices: every weight of the network, a row per neuron it feeds',
      }),
    );
  }
  figures.push(
    histogramsFigure(weightSeries(model), { title: 'Weights per layer' }),
    histogramsFigure(activationSeries(model, split.XTest.sliceRows(0, sampled)), {
      title: activationsTitle(model, some),
      logScale: true,
    }),
  );
  return figures;
}

function figure(evaluation: Evaluation, name: string): number {
  const found = evaluation.figures.find(([key]) => key === name);
  if (!found) throw new Error(`reportFigures: the evaluation has no '${name}'`);
  return found[1];
}

/** The model's curve over the inputs' range, through the training and test samples. */
function regressionFit(model: NeuralNetwork, split: Split<Int32Array | Tensor>): Figure {
  const xs = [...split.XTrain.data, ...split.XTest.data];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const grid = Float32Array.from({ length: FIT_POINTS }, (_, i) =>
    Math.fround(lo + ((hi - lo) * i) / (FIT_POINTS - 1)),
  );
  const fit = predictProbaInBatches(model, new Tensor(grid, [FIT_POINTS, 1]));
  const points = (X: Tensor, y: Tensor) => ({ x: X.data, y: y.data });
  return regressionFitFigure(
    {
      fit: { x: grid, y: fit.data },
      train: points(split.XTrain, split.yTrain as Tensor),
      ...(split.XTest !== split.XTrain && { test: points(split.XTest, split.yTest as Tensor) }),
    },
    { title: 'The fitted curve against the data (test points solid, training points faint)' },
  );
}
