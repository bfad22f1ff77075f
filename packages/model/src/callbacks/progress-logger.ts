import { checkOptions, optionKeys } from '@neunet/options';
import type { Callback, EpochLogs, TrainingContext } from './callbacks.js';

/** Formats an epoch's logs as `loss: 0.1234 - accuracy: 0.9000 - ...`. */
export function formatLogs(logs: EpochLogs): string {
  return Object.entries(logs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${(v as number).toFixed(4)}`)
    .join(' - ');
}

/** Where progress goes: `process.stdout`, or anything that writes text (`isTTY` for a terminal). */
export interface ProgressStream {
  write(text: string): unknown;
  /** A terminal: the bar is redrawn in place. Otherwise every write is a whole line. */
  isTTY?: boolean;
}

export interface ProgressLoggerOptions {
  /**
   * As Keras's `verbose`: 1, a progress bar per epoch on a terminal (plain lines
   * elsewhere); 2, one line per epoch.
   * @defaultValue `1`
   */
  verbose?: 1 | 2;
  /**
   * Where to write.
   * @defaultValue `process.stdout` in Node.js; `console.log`, line by line, in a browser
   */
  stream?: ProgressStream;
  /**
   * The clock, in milliseconds, for the elapsed time and samples/s.
   * @defaultValue `performance.now`
   */
  now?: () => number;
}

const OPTIONS = optionKeys<ProgressLoggerOptions>()(['verbose', 'stream', 'now']);

/** Redraws of a terminal bar at most this often, as Keras's Progbar. */
const REDRAW_MS = 50;
/** Off a terminal, a line during a long epoch at most this often. */
const LINE_MS = 10_000;
const BAR = 30;

/**
 * Training's progress, as Keras prints it with `verbose`: `train`'s `verbose` adds one.
 * With 1 on a terminal, a bar per epoch with the batch count, the elapsed time, samples/s
 * and the running loss and metrics, redrawn in place; off a terminal (a pipe, a CI log, a
 * browser), the same figures as plain lines: one at the end of each epoch and one every
 * ten seconds during a long one. With 2, one line per epoch.
 */
export class ProgressLogger implements Callback {
  private readonly verbose: 1 | 2;
  private readonly stream: ProgressStream;
  private readonly now: () => number;
  private readonly tty: boolean;
  private epoch = 0;
  private started = 0;
  private drawn = 0;
  private batches = 0;
  private samples = 0;
  /** The length of the bar's line on the terminal, to blank what a shorter one leaves. */
  private open = 0;

  constructor(options: ProgressLoggerOptions = {}) {
    checkOptions('ProgressLogger', options, OPTIONS);
    const { verbose = 1, stream = defaultStream(), now = () => performance.now() } = options;
    if (verbose !== 1 && verbose !== 2) {
      throw new Error(
        `ProgressLogger: verbose must be 1 (a bar per epoch) or 2 (a line per epoch), got ${String(verbose)}`,
      );
    }
    this.verbose = verbose;
    this.stream = stream;
    this.now = now;
    this.tty = stream.isTTY === true && verbose === 1;
  }

  onEpochBegin(epoch: number, context: TrainingContext): void {
    this.epoch = epoch;
    this.started = this.now();
    this.drawn = this.started;
    this.batches = 0;
    this.samples = 0;
    if (this.tty) this.stream.write(`Epoch ${epoch + 1}/${context.epochs}\n`);
  }

  onBatchEnd(_batch: number, logs: { size: number }, context: TrainingContext): void {
    this.batches++;
    this.samples += logs.size;
    if (this.verbose === 2) return;
    const now = this.now();
    if (now - this.drawn < (this.tty ? REDRAW_MS : LINE_MS)) return;
    this.drawn = now;
    const figures = context.runningLogs?.();
    if (this.tty) this.redraw(this.bar(context, now, figures));
    else this.line(`${this.epochName(context)} - ${this.figures(context, now, figures)}`);
  }

  onEpochEnd(_epoch: number, logs: EpochLogs, context: TrainingContext): void {
    const now = this.now();
    if (this.tty) {
      this.redraw(this.bar(context, now, logs));
      this.stream.write('\n');
      this.open = 0;
    } else {
      this.line(`${this.epochName(context)} - ${this.figures(context, now, logs)}`);
    }
  }

  /** A bar cut short (a callback stopped training mid-epoch, an abort) ends its line. */
  onTrainEnd(): void {
    if (this.open > 0) this.stream.write('\n');
    this.open = 0;
  }

  /** A line of its own in the same stream, such as early stopping's note: after any open bar. */
  message(text: string): void {
    this.onTrainEnd();
    this.line(text);
  }

  private epochName(context: TrainingContext): string {
    return `Epoch ${this.epoch + 1}/${context.epochs}`;
  }

  private bar(context: TrainingContext, now: number, logs: EpochLogs | undefined): string {
    const total = context.batches;
    const count = total === undefined ? `${this.batches}` : `${this.batches}/${total}`;
    let bar = '';
    if (total !== undefined) {
      const full = Math.min(BAR, Math.floor((BAR * this.batches) / total));
      bar = ` [${'='.repeat(full)}${full < BAR ? '>' : ''}${'.'.repeat(Math.max(0, BAR - full - 1))}]`;
    }
    return `${count}${bar} - ${this.timing(now)}${logs ? ` - ${formatLogs(logs)}` : ''}`;
  }

  private figures(context: TrainingContext, now: number, logs: EpochLogs | undefined): string {
    const total = context.batches === undefined ? '' : `/${context.batches}`;
    const timing = `${this.batches}${total} batches - ${this.timing(now)}`;
    return logs ? `${timing} - ${formatLogs(logs)}` : timing;
  }

  private timing(now: number): string {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(this.samples / seconds).toLocaleString('en-US') : '-';
    return `${seconds.toFixed(1)}s - ${rate} samples/s`;
  }

  private redraw(text: string): void {
    this.stream.write(`\r${text.padEnd(this.open)}`);
    this.open = text.length;
  }

  private line(text: string): void {
    this.stream.write(`${text}\n`);
  }
}

/** process.stdout where there is one (Node.js); else whole lines to console.log (a browser). */
function defaultStream(): ProgressStream {
  const stdout = (globalThis as { process?: { stdout?: ProgressStream } }).process?.stdout;
  if (typeof stdout?.write === 'function') return stdout;
  return { write: (text: string) => console.log(text.replace(/\n$/, '')) };
}
