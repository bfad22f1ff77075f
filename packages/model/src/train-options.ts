import type { Target } from '@neunet/losses';
import { optionKeys } from '@neunet/options';
import type { Callback } from './callbacks/callbacks.js';
import type { LayerDiagnostics } from './diagnostics.js';
import type { Input } from './inputs.js';
import type { MetricSpec } from './metrics.js';

/**
 * The options of `NeuralNetwork.train` and `trainAsync`. Every one is optional; each
 * states its default. Everything is checked before the first update, so a bad option
 * throws and leaves the model untouched.
 */
export interface TrainOptions {
  /**
   * Passes over the data: an integer >= 1.
   * @defaultValue `100`
   */
  epochs?: number;
  /**
   * Samples per update: an integer >= 0; 0 means the whole data set in one batch.
   * @defaultValue `32`
   */
  batchSize?: number;
  /**
   * Early stopping: exactly `callbacks: [new EarlyStopping({ patience, minDelta,
   * startFromEpoch })]`. It watches `val_loss` (with validation data) or `loss`, stops
   * after `patience` epochs in a row without an improvement, and restores the weights of
   * the best epoch.
   * @defaultValue `undefined`: no early stopping
   */
  patience?: number;
  /**
   * With `patience`: the smallest decrease of the loss that counts as an improvement.
   * @defaultValue `0`
   */
  minDelta?: number;
  /**
   * With `patience`: the epochs of this call that run before early stopping watches at all
   * (the first design document's example never stopped before epoch 100:
   * `startFromEpoch: 100`).
   * @defaultValue `0`
   */
  startFromEpoch?: number;
  /**
   * Progress as in Keras: `1` (or `true`) a progress bar per epoch with the batch count,
   * elapsed time, samples/s and the running loss and metrics on a terminal, plain lines
   * when the output is not one (a pipe, a CI log, a browser's console); `2` one line per
   * epoch; `0` (or `false`) nothing. See `ProgressLogger`.
   * @defaultValue `false`
   */
  verbose?: boolean | 0 | 1 | 2;
  /**
   * Shuffle the samples at every epoch (with the model's seeded random stream).
   * @defaultValue `true`
   */
  shuffle?: boolean;
  /**
   * Data measured after every epoch as `val_loss` and `val_accuracy` (or `val_mae`).
   * @defaultValue `undefined`: no validation
   */
  validationData?: [Input, Target];
  /**
   * Hold out this fraction of the samples, in (0, 1), as validation data: the last ones,
   * before shuffling. Needs tensors, not a batch source.
   * @defaultValue `undefined`: no validation
   */
  validationSplit?: number;
  /**
   * Hooks into training (early stopping, checkpoints, learning-rate schedules, your own),
   * run in this order, before the ones `patience` and `verbose` add.
   * @defaultValue `[]`
   */
  callbacks?: Callback[];
  /**
   * Rescale all gradients together when their global L2 norm exceeds this (> 0).
   * @defaultValue `undefined`: no clipping by norm
   */
  clipNorm?: number;
  /**
   * Limit every gradient element to [−clipValue, clipValue] (> 0); applied before `clipNorm`.
   * @defaultValue `undefined`: no clipping by value
   */
  clipValue?: number;
  /**
   * What a NaN or ±Infinity in the loss, a layer's output or a gradient does: `'stop'`
   * throws an error naming the layer, epoch and batch before any weight changes;
   * `'continue'` trains on (a `TerminateOnNaN` callback can then end training quietly).
   * @defaultValue `'stop'`
   */
  onNonFinite?: 'stop' | 'continue';
  /**
   * What to measure per epoch besides the loss, each as `history[name]` (and
   * `history['val_' + name]` with validation data): names (`'accuracy'`, `'mae'`, `'mse'`,
   * `'logLoss'`, `'top<k>'` such as `'top5'`), functions `(yTrue, yPred) => number` (keyed
   * by the function's name) or `{ name, fn }`. A function's value is the mean of its batch
   * values weighted by their rows, as in Keras.
   * @defaultValue `['accuracy']` for a loss that declares `task: 'classification'`, else `['mae']`
   */
  metrics?: MetricSpec[];
  /**
   * Record per-epoch gradient norms per layer and dead ReLU units in `history.diagnostics`.
   * @defaultValue `false`
   */
  diagnostics?: boolean;
}

/** Where trainAsync is: reported after every batch. */
export interface TrainingProgress {
  /** From 0, within this call. */
  epoch: number;
  /** The epochs of this call. */
  epochs: number;
  /** From 0, within the epoch. */
  batch: number;
  /** Batches per epoch; unknown for a batch source. */
  batches: number | undefined;
  /** This batch's loss. */
  loss: number;
}

/** The options of `NeuralNetwork.trainAsync`: those of `train`, and two more. */
export interface TrainAsyncOptions extends TrainOptions {
  /**
   * Aborting ends training between two batches; the model keeps every completed update.
   * @defaultValue `undefined`: runs to the end
   */
  signal?: AbortSignal;
  /**
   * Called after every batch with where training is.
   * @defaultValue `undefined`
   */
  onProgress?: (progress: TrainingProgress) => void;
}

export const TRAIN_OPTIONS = optionKeys<TrainOptions>()([
  'epochs',
  'batchSize',
  'patience',
  'minDelta',
  'startFromEpoch',
  'verbose',
  'shuffle',
  'validationData',
  'validationSplit',
  'callbacks',
  'clipNorm',
  'clipValue',
  'onNonFinite',
  'metrics',
  'diagnostics',
]);

export const TRAIN_ASYNC_OPTIONS = optionKeys<TrainAsyncOptions>()([
  ...TRAIN_OPTIONS,
  'signal',
  'onProgress',
]);

/**
 * Per-epoch figures: `loss` (penalty included) and each metric measured (by default
 * `accuracy` for a classification loss, else `mae`), with their `val_` twins when there is
 * validation data. Every series, a metric of your own included, reads as `number[]`
 * (`history.loss.at(-1)`, `history.val_loss`, `history.myMetric`); a series that was not
 * measured is absent, not empty.
 */
export type History = {
  /** Per epoch: the training loss, penalty included. */
  loss: number[];
  /** Per epoch, for a classifier (a classification loss's default metric). */
  accuracy?: number[];
  /** Mean absolute error, for a regression (any other loss's default metric). */
  mae?: number[];
  /** With validation data: its loss, per epoch. */
  val_loss?: number[];
  /** With validation data, for a classifier: its accuracy, per epoch. */
  val_accuracy?: number[];
  /** With validation data, for a regression: its mean absolute error, per epoch. */
  val_mae?: number[];
  /** The epoch (from 0) whose weights the model ended with, when early stopping restored them. */
  bestEpoch?: number;
  /** The epoch (from 0) at which training ended early: a callback stopped it or it was aborted. */
  stoppedEpoch?: number;
  /** Whether an AbortSignal ended training. */
  aborted?: boolean;
  /** With `diagnostics: true`: one entry per epoch. */
  diagnostics?: LayerDiagnostics[][];
} & {
  /** Every other metric asked for, and its `val_` twin: one value per epoch. */
  [metric: string]: number[] | undefined;
};

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
  if (![false, true, 0, 1, 2].includes(verbose)) {
    throw new Error(
      `${where}: verbose must be false, true, 0, 1 or 2 (as in Keras: 1 a progress bar per epoch, 2 one line per epoch), got ${String(verbose)}`,
    );
  }
  return { epochs, batchSize, verbose: verbose === true ? 1 : verbose === false ? 0 : verbose };
}

function checkInteger(where: string, name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${where}: ${name} must be an integer >= ${min}, got ${value}`);
  }
}
