import type { Callback } from '@neunet/model';

/** One epoch's training: its updates' wall time and the samples they saw. */
export interface EpochTiming {
  seconds: number;
  samples: number;
}

/**
 * Times each epoch's updates, from its first batch to its last: the measurement of the
 * test data after an epoch (`monitorTest`) is left out, so samples/s is training speed.
 */
export class EpochTimer implements Callback {
  readonly epochs: EpochTiming[] = [];
  private start = 0;
  private last = 0;
  private samples = 0;

  onEpochBegin(): void {
    this.start = this.last = performance.now();
    this.samples = 0;
  }

  onBatchEnd(_batch: number, logs: { size: number }): void {
    this.samples += logs.size;
    this.last = performance.now();
  }

  onEpochEnd(): void {
    this.epochs.push({ seconds: (this.last - this.start) / 1000, samples: this.samples });
  }

  /** Seconds spent in updates, over all epochs. */
  get seconds(): number {
    return this.epochs.reduce((sum, e) => sum + e.seconds, 0);
  }

  /** Samples trained per second of updates. */
  get samplesPerSecond(): number {
    return this.epochs.reduce((sum, e) => sum + e.samples, 0) / this.seconds;
  }
}
