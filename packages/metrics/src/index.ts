/**
 * Scores from labels and predictions: accuracy, top-k, confusion matrix,
 * precision/recall/F1, classification report, log loss, ROC AUC, MSE/RMSE/MAE/R².
 *
 * @module @neunet/metrics
 */
export { calculateAccuracy } from './accuracy.js';
export {
  type ClassificationReportOptions,
  classificationReport,
} from './classification-report.js';
export { type ConfusionMatrixOptions, confusionMatrix } from './confusion-matrix.js';
export {
  type FormatConfusionMatrixOptions,
  formatConfusionMatrix,
} from './format-confusion-matrix.js';
export type { ClassOptions, PredictedLabels, SparseLabels, TrueLabels } from './labels.js';
export { logLoss } from './log-loss.js';
export {
  type AveragedScores,
  type PrecisionRecallF1Result,
  precisionRecallF1,
} from './precision-recall-f1.js';
export {
  meanAbsoluteError,
  meanSquaredError,
  type RegressionValues,
  r2Score,
  rootMeanSquaredError,
} from './regression.js';
export { type RocAucOptions, rocAuc } from './roc-auc.js';
export { topKAccuracy } from './top-k-accuracy.js';
