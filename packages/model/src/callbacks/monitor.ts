import type { EpochLogs } from './callbacks.js';

export type MonitorMode = 'min' | 'max' | 'auto';

/**
 * Watches one figure of the epoch logs for improvement: down for losses and errors, up for
 * accuracies ('auto' decides by the name).
 */
export class Monitor {
  readonly mode: 'min' | 'max';
  best: number;

  constructor(
    readonly where: string,
    readonly key: keyof EpochLogs,
    mode: MonitorMode,
    readonly minDelta: number,
  ) {
    if (!['min', 'max', 'auto'].includes(mode)) {
      throw new Error(`${where}: mode must be 'min', 'max' or 'auto', got ${String(mode)}`);
    }
    if (!(Number.isFinite(minDelta) && minDelta >= 0)) {
      throw new Error(`${where}: minDelta must be a finite number >= 0, got ${minDelta}`);
    }
    this.mode = mode === 'auto' ? (String(key).includes('accuracy') ? 'max' : 'min') : mode;
    this.best = this.worst();
  }

  reset(): void {
    this.best = this.worst();
  }

  /** The watched value in `logs`; an error naming the keys there when it is missing. */
  read(logs: EpochLogs): number {
    const value = logs[this.key];
    if (value === undefined) {
      const hint = String(this.key).startsWith('val_')
        ? '; pass validationData or validationSplit'
        : '';
      throw new Error(
        `${this.where}: '${String(this.key)}' is not in the epoch's logs (${Object.keys(logs).join(', ')})${hint}`,
      );
    }
    return value;
  }

  /** Whether `value` beats the best so far by more than minDelta; records it if so. */
  improves(value: number): boolean {
    const better =
      this.mode === 'min' ? value < this.best - this.minDelta : value > this.best + this.minDelta;
    if (better) this.best = value;
    return better;
  }

  private worst(): number {
    return this.mode === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }
}

export function checkCount(where: string, name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${where}: ${name} must be an integer >= 0, got ${value}`);
  }
  return value;
}
