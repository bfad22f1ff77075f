import { checkOptions, optionKeys } from '@neunet/options';
import type { Callback, EpochLogs, TrainingContext } from './callbacks.js';
import { checkCount, Monitor, type MonitorMode } from './monitor.js';

export interface ReduceLROnPlateauOptions {
  /** Default 'val_loss' when there is validation data, else 'loss'. */
  monitor?: keyof EpochLogs;
  mode?: MonitorMode;
  /** The factor the learning rates are multiplied by, in (0, 1). Default 0.1. */
  factor?: number;
  /** Epochs without improvement before reducing. Default 10. */
  patience?: number;
  /** Default 1e-4. */
  minDelta?: number;
  /** Epochs to wait after a reduction before watching again. Default 0. */
  cooldown?: number;
  /** The smallest learning-rate scale to reduce to. Default 0 (no floor). */
  minScale?: number;
}

const OPTIONS = optionKeys<ReduceLROnPlateauOptions>()([
  'monitor',
  'mode',
  'factor',
  'patience',
  'minDelta',
  'cooldown',
  'minScale',
]);

/**
 * Multiplies every learning rate (through the model's `learningRateScale`, so per-layer
 * rates too) by `factor` when the monitored figure has stalled for `patience` epochs.
 */
export class ReduceLROnPlateau implements Callback {
  readonly factor: number;
  readonly patience: number;
  readonly cooldown: number;
  readonly minScale: number;
  /** Epochs (from 0, within the run) at which the rates were reduced. */
  readonly reductions: number[] = [];
  private watch: Monitor | undefined;
  private wait = 0;
  private cooling = 0;

  constructor(private readonly options: ReduceLROnPlateauOptions = {}) {
    checkOptions('ReduceLROnPlateau', options, OPTIONS);
    const where = 'ReduceLROnPlateau';
    const { factor = 0.1, patience = 10, cooldown = 0, minScale = 0 } = options;
    if (!(factor > 0 && factor < 1)) {
      throw new Error(`${where}: factor must be in (0, 1), got ${factor}`);
    }
    if (!(Number.isFinite(minScale) && minScale >= 0)) {
      throw new Error(`${where}: minScale must be a finite number >= 0, got ${minScale}`);
    }
    this.factor = factor;
    this.patience = checkCount(where, 'patience', patience);
    this.cooldown = checkCount(where, 'cooldown', cooldown);
    this.minScale = minScale;
    if (options.monitor) this.watch = this.monitorFor(options.monitor);
  }

  private monitorFor(key: keyof EpochLogs): Monitor {
    const { mode = 'auto', minDelta = 1e-4 } = this.options;
    return new Monitor('ReduceLROnPlateau', key, mode, minDelta);
  }

  onTrainBegin(): void {
    this.watch?.reset();
    this.wait = 0;
    this.cooling = 0;
    this.reductions.length = 0;
  }

  onEpochEnd(epoch: number, logs: EpochLogs, context: TrainingContext): void {
    this.watch ??= this.monitorFor(logs.val_loss === undefined ? 'loss' : 'val_loss');
    const value = this.watch.read(logs);
    if (this.cooling > 0) this.cooling--;
    if (this.watch.improves(value)) {
      this.wait = 0;
      return;
    }
    if (this.cooling > 0) return;
    this.wait++;
    const scale = context.model.learningRateScale;
    if (this.wait >= this.patience && scale > this.minScale) {
      context.model.learningRateScale = Math.max(this.minScale, scale * this.factor);
      this.reductions.push(epoch);
      this.cooling = this.cooldown;
      this.wait = 0;
    }
  }
}
