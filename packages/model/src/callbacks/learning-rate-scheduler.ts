import type { Callback, TrainingContext } from './callbacks.js';

/** Gives the learning-rate scale for an epoch (counted over the model's whole training). */
export type EpochSchedule = (epoch: number, scale: number) => number;

/**
 * Sets the model's `learningRateScale` (a factor on every learning rate, per-layer ones
 * included) at the start of every epoch from `schedule(epoch, currentScale)`. Epochs
 * count from the model's first, so a loaded model continues its schedule.
 */
export class LearningRateScheduler implements Callback {
  constructor(private readonly schedule: EpochSchedule) {
    if (typeof schedule !== 'function') {
      throw new Error(
        `LearningRateScheduler: expected a function (epoch, scale) => scale, got ${typeof schedule}`,
      );
    }
  }

  onEpochBegin(epoch: number, context: TrainingContext): void {
    const overall = context.initialEpoch + epoch;
    const scale = this.schedule(overall, context.model.learningRateScale);
    if (!(Number.isFinite(scale) && scale > 0)) {
      throw new Error(
        `LearningRateScheduler: the schedule gave ${scale} for epoch ${overall}; expected a finite number > 0`,
      );
    }
    context.model.learningRateScale = scale;
  }
}
