import type { Tensor } from '@neunet/tensor';
import type { Callback, EpochLogs, TrainingContext } from './callbacks.js';

export interface EarlyStoppingOptions {
  /** The figure to watch. Default 'loss'. */
  monitor?: 'loss' | 'val_loss';
  /** Epochs without improvement before stopping. */
  patience: number;
  /** The smallest decrease that counts as an improvement. Default 0. */
  minDelta?: number;
  /** Never stop before this many epochs have run. Default 100, as the seed. */
  minEpochs?: number;
  /** Put back the weights (and running statistics) of the best epoch. Default true. */
  restoreBestWeights?: boolean;
}

/**
 * Stops training once the monitored loss has not improved for `patience` epochs, as the
 * seed does: an epoch improves when its loss is below the best so far by more than
 * `minDelta`, and no stop happens before `minEpochs` epochs have run.
 */
export class EarlyStopping implements Callback {
  readonly monitor: 'loss' | 'val_loss';
  readonly patience: number;
  readonly minDelta: number;
  readonly minEpochs: number;
  readonly restoreBestWeights: boolean;
  best = Number.POSITIVE_INFINITY;
  bestEpoch = -1;
  stoppedEpoch: number | undefined;
  private wait = 0;
  private bestWeights: Tensor[] | undefined;

  constructor(options: EarlyStoppingOptions) {
    const {
      monitor = 'loss',
      patience,
      minDelta = 0,
      minEpochs = 100,
      restoreBestWeights = true,
    } = options;
    if (!Number.isInteger(patience) || patience < 0) {
      throw new Error(`EarlyStopping: patience must be an integer >= 0, got ${patience}`);
    }
    if (!(minDelta >= 0)) throw new Error(`EarlyStopping: minDelta must be >= 0, got ${minDelta}`);
    if (!Number.isInteger(minEpochs) || minEpochs < 0) {
      throw new Error(`EarlyStopping: minEpochs must be an integer >= 0, got ${minEpochs}`);
    }
    this.monitor = monitor;
    this.patience = patience;
    this.minDelta = minDelta;
    this.minEpochs = minEpochs;
    this.restoreBestWeights = restoreBestWeights;
  }

  onTrainBegin(): void {
    this.best = Number.POSITIVE_INFINITY;
    this.bestEpoch = -1;
    this.stoppedEpoch = undefined;
    this.wait = 0;
    this.bestWeights = undefined;
  }

  onEpochEnd(epoch: number, logs: EpochLogs, context: TrainingContext): void {
    const value = logs[this.monitor];
    if (value === undefined) {
      throw new Error(
        `EarlyStopping: '${this.monitor}' is not in the epoch's logs; pass validation data to watch val_loss`,
      );
    }
    if (value < this.best - this.minDelta) {
      this.best = value;
      this.bestEpoch = epoch;
      this.wait = 0;
      if (this.restoreBestWeights) this.bestWeights = context.model.getWeights();
      return;
    }
    this.wait++;
    if (this.wait >= this.patience && epoch + 1 >= this.minEpochs) {
      this.stoppedEpoch = epoch;
      context.stop();
    }
  }

  onTrainEnd(context: TrainingContext): void {
    if (this.stoppedEpoch !== undefined && this.bestWeights)
      context.model.setWeights(this.bestWeights);
  }
}
