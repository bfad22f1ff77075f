import { checkOptions, optionKeys } from '@neunet/options';
import { nodeFs } from '../saving/model-file.js';
import type { Callback, EpochLogs, TrainingContext } from './callbacks.js';
import { Monitor, type MonitorMode } from './monitor.js';

export interface ModelCheckpointOptions {
  /** The file to write (Node.js); `{epoch}` in it becomes the epoch number (from 1). */
  path?: string;
  /** Receives the model file's bytes instead of (or as well as) `path`: for IndexedDB, say. */
  write?: (bytes: Uint8Array, epoch: number) => void;
  /** Save only when the monitored figure improves. Default false: every epoch. */
  bestOnly?: boolean;
  /** Default 'val_loss' when there is validation data, else 'loss'. */
  monitor?: keyof EpochLogs;
  mode?: MonitorMode;
}

const OPTIONS = optionKeys<ModelCheckpointOptions>()([
  'path',
  'write',
  'bestOnly',
  'monitor',
  'mode',
]);

/** Saves the whole model (as `save` does) at the end of every epoch, or of every better one. */
export class ModelCheckpoint implements Callback {
  /** The epochs (from 0, overall) saved in this run. */
  readonly saved: number[] = [];
  private watch: Monitor | undefined;

  constructor(private readonly options: ModelCheckpointOptions) {
    checkOptions('ModelCheckpoint', options, OPTIONS);
    if (options.path === undefined && options.write === undefined) {
      throw new Error('ModelCheckpoint: pass a path or a write function');
    }
    if (options.monitor)
      this.watch = new Monitor('ModelCheckpoint', options.monitor, options.mode ?? 'auto', 0);
  }

  onTrainBegin(): void {
    this.watch?.reset();
    this.saved.length = 0;
  }

  onEpochEnd(epoch: number, logs: EpochLogs, context: TrainingContext): void {
    const overall = context.initialEpoch + epoch;
    if (this.options.bestOnly) {
      this.watch ??= new Monitor(
        'ModelCheckpoint',
        logs.val_loss === undefined ? 'loss' : 'val_loss',
        this.options.mode ?? 'auto',
        0,
      );
      if (!this.watch.improves(this.watch.read(logs))) return;
    }
    const bytes = context.model.toBytes();
    const { path, write } = this.options;
    if (path !== undefined) {
      nodeFs('ModelCheckpoint').writeFileSync(
        path.replaceAll('{epoch}', String(overall + 1)),
        bytes,
      );
    }
    write?.(bytes, overall);
    this.saved.push(overall);
  }
}
