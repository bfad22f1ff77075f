import { checkOptions, optionKeys } from '@neunet/options';
import { nodeFs } from '../saving/model-file.js';
import type { Callback, EpochLogs, TrainingContext } from './callbacks.js';

export interface CSVLoggerOptions {
  /** The file to write (Node.js). */
  path?: string;
  /** Receives each line (without the line break) instead of (or as well as) `path`. */
  write?: (line: string) => void;
  /** Add to an existing file (no header) instead of starting it afresh. Default false. */
  append?: boolean;
}

const OPTIONS = optionKeys<CSVLoggerOptions>()(['path', 'write', 'append']);

/**
 * Writes one CSV row per epoch, `epoch,loss,accuracy,...` with a header row first. The
 * cells are numbers only, so no quoting is needed; full precision, so the rows parse back
 * to the history's values.
 */
export class CSVLogger implements Callback {
  private columns: string[] | undefined;

  constructor(private readonly options: CSVLoggerOptions) {
    checkOptions('CSVLogger', options, OPTIONS);
    if (options.path === undefined && options.write === undefined) {
      throw new Error('CSVLogger: pass a path or a write function');
    }
  }

  onTrainBegin(): void {
    this.columns = undefined;
    if (this.options.path !== undefined && !this.options.append) {
      nodeFs('CSVLogger').writeFileSync(this.options.path, '');
    }
  }

  onEpochEnd(epoch: number, logs: EpochLogs, context: TrainingContext): void {
    const keys = Object.keys(logs).filter((k) => logs[k as keyof EpochLogs] !== undefined);
    if (!this.columns) {
      this.columns = keys;
      if (!this.options.append) this.emit(['epoch', ...keys].join(','));
    } else if (keys.join() !== this.columns.join()) {
      throw new Error(
        `CSVLogger: epoch ${epoch + 1} logs ${keys.join(', ')}; the header has ${this.columns.join(', ')}`,
      );
    }
    const cells = this.columns.map((k) => String(logs[k as keyof EpochLogs]));
    this.emit([String(context.initialEpoch + epoch + 1), ...cells].join(','));
  }

  private emit(line: string): void {
    if (this.options.path !== undefined)
      nodeFs('CSVLogger').appendFileSync(this.options.path, `${line}\n`);
    this.options.write?.(line);
  }
}
