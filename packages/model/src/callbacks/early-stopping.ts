import { checkOptions, optionKeys } from '@neunet/options';
import type { Tensor } from '@neunet/tensor';
import type { Callback, EpochLogs, TrainingContext } from './callbacks.js';
import { checkCount, Monitor, type MonitorMode } from './monitor.js';

export interface EarlyStoppingOptions {
  /** The figure to watch. Default `val_loss` when the epoch's logs have it, else `loss`. */
  monitor?: keyof EpochLogs;
  /** Whether the figure should go down or up; 'auto' (default): up for accuracies. */
  mode?: MonitorMode;
  /** Epochs without improvement before stopping. */
  patience: number;
  /** The smallest change that counts as an improvement. Default 0. */
  minDelta?: number;
  /**
   * Epochs of the `train` call to run before watching at all (Keras's `start_from_epoch`):
   * they neither count as improvements nor as stalls. Default 0.
   */
  startFromEpoch?: number;
  /** On stopping, put back the weights (and running statistics) of the best epoch. Default true. */
  restoreBestWeights?: boolean;
}

const OPTIONS = optionKeys<EarlyStoppingOptions>()([
  'monitor',
  'mode',
  'patience',
  'minDelta',
  'startFromEpoch',
  'restoreBestWeights',
]);

/**
 * Stops training once the monitored figure has not improved for `patience` epochs
 * (Keras's rule): from epoch `startFromEpoch` of the `train` call on, an epoch improves
 * when it beats the best so far by more than `minDelta`, and the `patience`-th epoch in a
 * row that does not ends training.
 */
export class EarlyStopping implements Callback {
  readonly patience: number;
  readonly minDelta: number;
  readonly startFromEpoch: number;
  readonly restoreBestWeights: boolean;
  bestEpoch = -1;
  stoppedEpoch: number | undefined;
  private readonly chosen: keyof EpochLogs | undefined;
  private readonly mode: MonitorMode;
  private watch: Monitor;
  private wait = 0;
  private bestWeights: Tensor[] | undefined;

  constructor(options: EarlyStoppingOptions) {
    checkOptions('EarlyStopping', options, OPTIONS);
    const where = 'EarlyStopping';
    const {
      monitor,
      mode = 'auto',
      patience,
      minDelta = 0,
      startFromEpoch = 0,
      restoreBestWeights = true,
    } = options;
    this.patience = checkCount(where, 'patience', patience);
    this.startFromEpoch = checkCount(where, 'startFromEpoch', startFromEpoch);
    // Built now so that a bad mode or minDelta is reported before training.
    this.watch = new Monitor(where, monitor ?? 'loss', mode, minDelta);
    this.chosen = monitor;
    this.mode = mode;
    this.minDelta = minDelta;
    this.restoreBestWeights = restoreBestWeights;
  }

  /** The figure watched: the one asked for, or the default once the first logs showed it. */
  get monitor(): keyof EpochLogs {
    return this.watch.key;
  }

  /** The best value seen in this run. */
  get best(): number {
    return this.watch.best;
  }

  onTrainBegin(): void {
    this.watch.reset();
    this.bestEpoch = -1;
    this.stoppedEpoch = undefined;
    this.wait = 0;
    this.bestWeights = undefined;
  }

  onEpochEnd(epoch: number, logs: EpochLogs, context: TrainingContext): void {
    if (epoch < this.startFromEpoch) return;
    if (this.chosen === undefined) {
      const key = logs.val_loss === undefined ? 'loss' : 'val_loss';
      if (key !== this.watch.key)
        this.watch = new Monitor('EarlyStopping', key, this.mode, this.minDelta);
    }
    if (this.watch.improves(this.watch.read(logs))) {
      this.bestEpoch = epoch;
      this.wait = 0;
      if (this.restoreBestWeights) this.bestWeights = context.model.getWeights();
      return;
    }
    this.wait++;
    if (this.wait >= this.patience) {
      this.stoppedEpoch = epoch;
      context.stop();
    }
  }

  onTrainEnd(context: TrainingContext): void {
    if (this.stoppedEpoch !== undefined && this.bestWeights)
      context.model.setWeights(this.bestWeights);
  }
}
