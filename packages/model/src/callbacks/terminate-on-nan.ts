import type { Callback, TrainingContext } from './callbacks.js';

/**
 * Ends training quietly after the first batch whose loss is NaN or ±Infinity. Training
 * throws on such a batch unless `onNonFinite: 'continue'`; this is for that mode.
 */
export class TerminateOnNaN implements Callback {
  /** The batch (from 0, within its epoch) that ended training, if any. */
  stoppedBatch: number | undefined;

  onTrainBegin(): void {
    this.stoppedBatch = undefined;
  }

  onBatchEnd(batch: number, logs: { loss: number }, context: TrainingContext): void {
    if (!Number.isFinite(logs.loss)) {
      this.stoppedBatch = batch;
      context.stop();
    }
  }
}
