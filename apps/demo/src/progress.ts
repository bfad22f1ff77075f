import { type Callback, type EpochLogs, formatLogs, ProgressLogger } from '@neunet/model';
import cliProgress from 'cli-progress';

/**
 * A progress bar over the epochs, with the latest loss and accuracy, when stdout is a
 * terminal; one plain line every `every` epochs otherwise (logs and CI stay readable).
 */
export function progressReporter(every = 25): Callback {
  if (!process.stdout.isTTY) return new ProgressLogger(every);
  const bar = new cliProgress.SingleBar(
    { format: 'Epoch {value}/{total} [{bar}] {logs}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    onTrainBegin: (context) => bar.start(context.epochs, 0, { logs: '' }),
    onEpochEnd: (epoch: number, logs: EpochLogs) =>
      bar.update(epoch + 1, { logs: formatLogs(logs) }),
    onTrainEnd: () => bar.stop(),
  };
}
