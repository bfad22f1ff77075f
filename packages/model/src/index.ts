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
export type { Callback, EpochLogs, TrainableModel, TrainingContext } from './callbacks.js';
export { CSVLogger, type CSVLoggerOptions } from './csv-logger.js';
export type { LayerDiagnostics } from './diagnostics.js';
export { EarlyStopping, type EarlyStoppingOptions } from './early-stopping.js';
export { type ExportedNetwork, type ExportedNeuron, exportNetwork } from './export-network.js';
export type { Input } from './inputs.js';
export { type EpochSchedule, LearningRateScheduler } from './learning-rate-scheduler.js';
export type { MetricFn, MetricName, MetricSpec } from './metrics.js';
export { ModelCheckpoint, type ModelCheckpointOptions } from './model-checkpoint.js';
export type { ModelArtifacts } from './model-file.js';
export { ModelFormatError } from './model-format-error.js';
export type { MonitorMode } from './monitor.js';
export {
  type EvaluateOptions,
  type Evaluation,
  NeuralNetwork,
  type NeuralNetworkOptions,
  type PredictOptions,
  type RandomState,
} from './neural-network.js';
export { formatLogs, ProgressLogger } from './progress-logger.js';
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './reduce-lr-on-plateau.js';
export type {
  SavedGroup,
  SavedLayer,
  SavedModel,
  SavedOptimizer,
  SavedTensor,
} from './saved-model.js';
export { TerminateOnNaN } from './terminate-on-nan.js';
export type {
  History,
  TrainAsyncOptions,
  TrainingProgress,
  TrainOptions,
} from './train-options.js';
