/**
 * Plotly figures from plain data: the network and its weight matrices, training curves,
 * data sets, decision boundaries, a regression's fitted curve, confusion matrices,
 * histograms and grids of images (filters, feature maps, misclassified examples).
 *
 * @module @neunet/viz
 */
export { CLASS_COLORS, classColor, layerColor } from './colors.js';
export {
  type ConfusionMatrixOptions,
  confusionMatrixFigure,
} from './confusion-matrix.js';
export { type DatasetFigureOptions, datasetFigure } from './dataset.js';
export {
  type BoundaryGrid,
  type BoundaryGridOptions,
  boundaryGrid,
  type DecisionBoundaryOptions,
  decisionBoundaryFigure,
  type GridProbabilities,
  type PredictProba,
} from './decision-boundary.js';
export type { Figure } from './figure.js';
export {
  binValues,
  type HistogramSeries,
  type HistogramsOptions,
  histogramsFigure,
} from './histograms.js';
export { type GrayImage, type ImageGridOptions, imageGridFigure } from './image-grid.js';
export {
  featureMapImages,
  kernelImages,
  type ShapedData,
  sampleImages,
} from './image-slices.js';
export { type LogTicks, logAxisTicks } from './log-ticks.js';
export { type MisclassifiedOptions, misclassifiedExamples } from './misclassified.js';
export {
  type NetworkConnection,
  type NetworkData,
  type NetworkFigureOptions,
  type NeuronRef,
  networkFigure,
} from './network.js';
export type { LabeledPoints } from './points.js';
export {
  type Curve,
  type RegressionFitData,
  type RegressionFitOptions,
  regressionFitFigure,
} from './regression-fit.js';
export {
  type FinalFigures,
  type TrainingCurvesOptions,
  type TrainingHistory,
  trainingCurvesFigure,
} from './training-curves.js';
export { type WeightMatricesOptions, weightMatricesFigure } from './weight-matrices.js';
