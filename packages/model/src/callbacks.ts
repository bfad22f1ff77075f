import type { Tensor } from '@neunet/tensor';

/** What an epoch reports: its loss, and its accuracy and validation figures when known. */
export interface EpochLogs {
  loss: number;
  accuracy?: number;
  val_loss?: number;
  val_accuracy?: number;
}

/** The part of a model a callback may use while it trains. */
export interface TrainableModel {
  getWeights(): Tensor[];
  setWeights(weights: readonly Tensor[]): void;
}

export interface TrainingContext {
  readonly model: TrainableModel;
  readonly epochs: number;
  /** Ends training after the current epoch. */
  stop(): void;
}

/** Hooks into training, in the order they run. Every hook is optional. */
export interface Callback {
  onTrainBegin?(context: TrainingContext): void;
  onEpochBegin?(epoch: number, context: TrainingContext): void;
  onBatchEnd?(batch: number, logs: { loss: number; size: number }, context: TrainingContext): void;
  onEpochEnd?(epoch: number, logs: EpochLogs, context: TrainingContext): void;
  onTrainEnd?(context: TrainingContext): void;
}
