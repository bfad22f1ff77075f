import type { Dataset } from '@neunet/datasets';
import { confusionMatrix } from '@neunet/metrics';
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

/** The report's six views of a trained 2-D classifier, in reading order. */
export function reportFigures(model: NeuralNetwork, data: Dataset, history: History): Figure[] {
  const points = data.X.toArray();
  const labels = data.y;
  return [
    networkFigure(exportNetwork(model)),
    trainingCurvesFigure(history, { logScale: true }),
    datasetFigure({ points, labels }, { title: 'The data set' }),
    decisionBoundaryFigure({ points, labels }, (grid) =>
      model.predictProba(new Tensor(grid)).toArray(),
    ),
    confusionMatrixFigure(confusionMatrix(labels, model.predict(data.X)), {
      title: 'Confusion matrix (training data)',
    }),
    histogramsFigure(weightSeries(model), { title: 'Weights per Dense layer' }),
    histogramsFigure(activationSeries(model, data.X), {
      title: 'Activations per layer (training data; counts on a log axis for the ReLU zeros)',
      logScale: true,
    }),
  ];
}
