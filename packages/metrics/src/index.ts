export { calculateAccuracy } from './accuracy.js';
export { confusionMatrix } from './confusion-matrix.js';
export type { ClassOptions, PredictedLabels, SparseLabels, TrueLabels } from './labels.js';
export {
  type AveragedScores,
  type PrecisionRecallF1Result,
  precisionRecallF1,
} from './precision-recall-f1.js';
