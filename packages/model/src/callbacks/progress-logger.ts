import type { Callback, EpochLogs, TrainingContext } from './callbacks.js';

/** Formats an epoch's logs as `loss: 0.1234 - accuracy: 0.9000 - ...`. */
export function formatLogs(logs: EpochLogs): string {
  return Object.entries(logs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${(v as number).toFixed(4)}`)
    .join(' - ');
}

/** Prints one plain line every `every` epochs, and the last one: `verbose: true`. */
export class ProgressLogger implements Callback {
  constructor(
    private readonly every: number,
    private readonly print: (line: string) => void = console.log,
  ) {}

  onEpochEnd(epoch: number, logs: EpochLogs, context: TrainingContext): void {
    const n = epoch + 1;
    if (n === 1 || n % this.every === 0 || n === context.epochs) {
      this.print(`Epoch ${n}/${context.epochs} - ${formatLogs(logs)}`);
    }
  }
}
