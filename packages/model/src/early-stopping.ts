import type { Tensor } from '@neunet/tensor';
import type { Callback, EpochLogs, TrainingContext } from './callbacks.js';
import { checkCount, Monitor, type MonitorMode } from './monitor.js';

export interface EarlyStoppingOptions {
  /** The figure to watch. Default 'loss'. */
  monitor?: keyof EpochLogs;
  /** Whether the figure should go down or up; 'auto' (default): up for accuracies. */
  mode?: MonitorMode;
  /** Epochs without improvement before stopping. */
  patience: number;
  /** The smallest change that counts as an improvement. Default 0. */
  minDelta?: number;
  /** Never stop before this many epochs have run. Default 0; `train`'s `patience` uses the seed's 100. */
  minEpochs?: number;
  /** On stopping, put back the weights (and running statistics) of the best epoch. Default true. */
  restoreBestWeights?: boolean;
}

/**
 * Stops training once the monitored figure has not improved for `patience` epochs, as the
 * seed does: an epoch improves when it beats the best so far by more than `minDelta`, and
 * no stop happens before `minEpochs` epochs have run.
 */
export class EarlyStopping implements Callback {
  readonly monitor: keyof EpochLogs;
  readonly patience: number;
  readonly minDelta: number;
  readonly minEpochs: number;
  readonly restoreBestWeights: boolean;
  bestEpoch = -1;
  stoppedEpoch: number | undefined;
  private readonly watch: Monitor;
  private wait = 0;
  private bestWeights: Tensor[] | undefined;

  constructor(options: EarlyStoppingOptions) {
    const where = 'EarlyStopping';
    const {
      monitor = 'loss',
      mode = 'auto',
      patience,
      minDelta = 0,
      minEpochs = 0,
      restoreBestWeights = true,
    } = options;
    this.patience = checkCount(where, 'patience', patience);
    this.minEpochs = checkCount(where, 'minEpochs', minEpochs);
    this.watch = new Monitor(where, monitor, mode, minDelta);
    this.monitor = monitor;
    this.minDelta = minDelta;
    this.restoreBestWeights = restoreBestWeights;
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
    if (this.watch.improves(this.watch.read(logs))) {
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
