import type { Tensor } from '@neunet/tensor';

/**
 * What an epoch reports: its loss and its metrics (by default accuracy for a classifier or
 * mean absolute error for a regression), and the same on the validation data as `val_*`.
 */
export interface EpochLogs {
  loss: number;
  accuracy?: number;
  mae?: number;
  val_loss?: number;
  val_accuracy?: number;
  val_mae?: number;
  [metric: string]: number | undefined;
}

/** The part of a model a callback may use while it trains. */
export interface TrainableModel {
  getWeights(): Tensor[];
  setWeights(weights: readonly Tensor[]): void;
  /** Multiplies every learning rate of every optimizer the model trains with. Default 1. */
  learningRateScale: number;
  /** The whole model, as `save` writes it. */
  toBytes(): Uint8Array;
}

/** What every callback hook receives besides its figures. */
export interface TrainingContext {
  readonly model: TrainableModel;
  /** The epochs of this call to train. */
  readonly epochs: number;
  /** Epochs the model had completed before this call (after a load, say): epoch k of this call is epoch initialEpoch + k overall. */
  readonly initialEpoch: number;
  /** Batches per epoch; undefined for a batch source, whose length is unknown. */
  readonly batches?: number | undefined;
  /** The loss and metrics over the current epoch's batches so far (what a progress bar shows). */
  runningLogs?(): EpochLogs;
  /**
   * Ends training: after the current batch when called from onBatchEnd (that partial
   * epoch is not recorded), after the current epoch when called from onEpochEnd.
   */
  stop(): void;
}

/** Hooks into training, in the order they run. Every hook is optional; `epoch` counts from 0 within the call. */
export interface Callback {
  /** Before the first epoch of a call to `train`. */
  onTrainBegin?(context: TrainingContext): void;
  /** Before the epoch's first batch (and before its shuffle). */
  onEpochBegin?(epoch: number, context: TrainingContext): void;
  /** After each update, with the batch's loss and its number of samples. */
  onBatchEnd?(batch: number, logs: { loss: number; size: number }, context: TrainingContext): void;
  /** After the epoch, with its figures (validation ones included). */
  onEpochEnd?(epoch: number, logs: EpochLogs, context: TrainingContext): void;
  /** After the last epoch, also when a callback or an AbortSignal ended training early. */
  onTrainEnd?(context: TrainingContext): void;
}
