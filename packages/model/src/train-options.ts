import type { Target } from '@neunet/losses';
import type { Callback } from './callbacks.js';
import type { LayerDiagnostics } from './diagnostics.js';
import type { Input } from './inputs.js';

export interface TrainOptions {
  /** Passes over the data. Default 100. */
  epochs?: number;
  /** Samples per update; 0 means the whole data set, as in the seed. Default 32. */
  batchSize?: number;
  /**
   * Early stopping: exactly `callbacks: [new EarlyStopping({ patience, minDelta,
   * startFromEpoch })]`, with its defaults. It watches `val_loss` (with validation data) or
   * `loss`, stops after `patience` epochs in a row without improvement, and restores the
   * best epoch's weights.
   */
  patience?: number;
  /** With `patience`: the smallest decrease that counts as an improvement. Default 0. */
  minDelta?: number;
  /**
   * With `patience`: epochs of this call run before early stopping watches at all (the
   * seed's example never stopped before epoch 100: `startFromEpoch: 100`). Default 0.
   */
  startFromEpoch?: number;
  /** Print a line per epoch (`true`: every 10 epochs; a number: every that many). */
  verbose?: boolean | number;
  /** Shuffle the samples at every epoch. Default true. */
  shuffle?: boolean;
  /** Data measured after every epoch as `val_loss` and `val_accuracy` (or `val_mae`). */
  validationData?: [Input, Target];
  /** Hold out this fraction of the samples (the last ones, before shuffling) as validation data. */
  validationSplit?: number;
  callbacks?: Callback[];
  /** Rescale all gradients together when their global L2 norm exceeds this. */
  clipNorm?: number;
  /** Limit every gradient element to [−clipValue, clipValue]. */
  clipValue?: number;
  /**
   * What a NaN or ±Infinity in the loss, a layer's output or a gradient does: 'stop'
   * (default) throws an error naming the layer, epoch and batch before any weight changes;
   * 'continue' trains on (a TerminateOnNaN callback can then end training quietly).
   */
  onNonFinite?: 'stop' | 'continue';
  /** Record per-epoch gradient norms per layer and dead ReLU units in `history.diagnostics`. */
  diagnostics?: boolean;
}

/** Where trainAsync is: reported after every batch. */
export interface TrainingProgress {
  /** From 0, within this call. */
  epoch: number;
  epochs: number;
  /** From 0, within the epoch. */
  batch: number;
  /** Batches per epoch; unknown for a batch source. */
  batches: number | undefined;
  loss: number;
}

export interface TrainAsyncOptions extends TrainOptions {
  /** Aborting ends training between two batches; the model keeps every completed update. */
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress) => void;
}

/** Per-epoch figures: `loss` (penalty included) and `accuracy` or `mae` on the training batches. */
export interface History {
  loss: number[];
  /** Empty for a regression. */
  accuracy: number[];
  /** Mean absolute error, for a regression. */
  mae?: number[];
  val_loss?: number[];
  val_accuracy?: number[];
  val_mae?: number[];
  /** The epoch (from 0) whose weights the model ended with, when early stopping restored them. */
  bestEpoch?: number;
  /** The epoch (from 0) at which training ended early: a callback stopped it or it was aborted. */
  stoppedEpoch?: number;
  /** Whether an AbortSignal ended training. */
  aborted?: boolean;
  /** With `diagnostics: true`: one entry per epoch. */
  diagnostics?: LayerDiagnostics[][];
}

/** Checks the scalar options before anything trains; returns them with their defaults. */
export function checkTrainOptions(where: string, options: TrainOptions) {
  const { epochs = 100, batchSize = 32, verbose = false, clipNorm, clipValue } = options;
  checkInteger(where, 'epochs', epochs, 1);
  checkInteger(where, 'batchSize', batchSize, 0);
  for (const [name, value] of [
    ['clipNorm', clipNorm],
    ['clipValue', clipValue],
  ] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      throw new Error(`${where}: ${name} must be a finite number > 0, got ${value}`);
    }
  }
  if (options.onNonFinite !== undefined && !['stop', 'continue'].includes(options.onNonFinite)) {
    throw new Error(
      `${where}: onNonFinite must be 'stop' or 'continue', got ${String(options.onNonFinite)}`,
    );
  }
  for (const name of ['minDelta', 'startFromEpoch'] as const) {
    if (options[name] !== undefined && options.patience === undefined) {
      throw new Error(`${where}: ${name} applies to early stopping; pass patience with it`);
    }
  }
  const logEvery = verbose === false ? undefined : verbose === true ? 10 : verbose;
  if (logEvery !== undefined) checkInteger(where, 'verbose', logEvery, 1);
  return { epochs, batchSize, logEvery };
}

function checkInteger(where: string, name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${where}: ${name} must be an integer >= ${min}, got ${value}`);
  }
}
