/**
 * `NeuralNetwork`: add layers, set a loss, train (`TrainOptions`), predict, evaluate,
 * save and load; and the training callbacks.
 *
 * @module @neunet/model
 */
// For its declaration of `optimizer` on @neunet/layers' OptimizerSettings: the bundled
// .d.ts keeps a module augmentation only from a file that the entry point imports.
import './model-optimizers.js';

export type { Batch, BatchIterable } from './batch-source.js';
export type {
  Callback,
  EpochLogs,
  TrainableModel,
  TrainingContext,
} from './callbacks/callbacks.js';
export { CSVLogger, type CSVLoggerOptions } from './callbacks/csv-logger.js';
export { EarlyStopping, type EarlyStoppingOptions } from './callbacks/early-stopping.js';
export { type EpochSchedule, LearningRateScheduler } from './callbacks/learning-rate-scheduler.js';
export { ModelCheckpoint, type ModelCheckpointOptions } from './callbacks/model-checkpoint.js';
export type { MonitorMode } from './callbacks/monitor.js';
export {
  formatLogs,
  ProgressLogger,
  type ProgressLoggerOptions,
  type ProgressStream,
} from './callbacks/progress-logger.js';
export {
  ReduceLROnPlateau,
  type ReduceLROnPlateauOptions,
} from './callbacks/reduce-lr-on-plateau.js';
export { TerminateOnNaN } from './callbacks/terminate-on-nan.js';
export type { LayerDiagnostics } from './diagnostics.js';
export { type ExportedNetwork, type ExportedNeuron, exportNetwork } from './export-network.js';
export type { Input } from './inputs.js';
export type { MetricFn, MetricName, MetricSpec } from './metrics.js';
export {
  type EvaluateOptions,
  type Evaluation,
  NeuralNetwork,
  type NeuralNetworkOptions,
  type PredictOptions,
  type RandomState,
} from './neural-network.js';
export type { ModelArtifacts } from './saving/model-file.js';
export { ModelFormatError } from './saving/model-format-error.js';
export type {
  SavedGroup,
  SavedLayer,
  SavedModel,
  SavedOptimizer,
  SavedTensor,
} from './saving/saved-model.js';
export type {
  History,
  TrainAsyncOptions,
  TrainingProgress,
  TrainOptions,
} from './train-options.js';
