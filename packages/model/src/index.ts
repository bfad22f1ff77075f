export type { Callback, EpochLogs, TrainableModel, TrainingContext } from './callbacks.js';
export { EarlyStopping, type EarlyStoppingOptions } from './early-stopping.js';
export { type ExportedNetwork, type ExportedNeuron, exportNetwork } from './export-network.js';
export type { Input } from './inputs.js';
export { NeuralNetwork, type NeuralNetworkOptions } from './neural-network.js';
export { formatLogs, ProgressLogger } from './progress-logger.js';
export type { History, TrainOptions } from './train.js';
