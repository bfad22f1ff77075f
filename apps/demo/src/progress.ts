import { type Callback, type EpochLogs, formatLogs, type TrainingContext } from '@neunet/model';
import cliProgress from 'cli-progress';

/**
 * Training's progress over its samples (`samples` per epoch): a bar with the epoch, the
 * time, samples/s and the latest loss and accuracy when stdout is a terminal; otherwise
 * one plain line for the first epoch, every `every` epochs (by default one epoch in
 * twenty) and the last, so that logs and CI stay readable.
 */
export function progressReporter(samples: number, every?: number): Callback {
  let started = 0;
  let done = 0;
  let epochStarted = 0;
  const seconds = (since: number) => (performance.now() - since) / 1000;
  const rate = (count: number, since: number) => Math.round(count / seconds(since));
  if (!process.stdout.isTTY) {
    let each = 1;
    return {
      onTrainBegin: (context: TrainingContext) => {
        each = every ?? Math.max(1, Math.round(context.epochs / 20));
        started = performance.now();
      },
      onEpochBegin: () => {
        epochStarted = performance.now();
      },
      onEpochEnd: (epoch: number, logs: EpochLogs, context: TrainingContext) => {
        const n = epoch + 1;
        if (n !== 1 && n % each !== 0 && n !== context.epochs) return;
        const time = `${seconds(epochStarted).toFixed(1)} s, ${rate(samples, epochStarted)} samples/s; ${seconds(started).toFixed(1)} s in all`;
        console.log(`Epoch ${n}/${context.epochs} (${time}) - ${formatLogs(logs)}`);
      },
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format:
        'Epoch {epoch}/{epochs} [{bar}] {percentage}% | {duration_formatted} | {rate} samples/s | {logs}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    onTrainBegin: (context: TrainingContext) => {
      started = performance.now();
      done = 0;
      bar.start(context.epochs * samples, 0, {
        epoch: 1,
        epochs: context.epochs,
        rate: '-',
        logs: '',
      });
    },
    onEpochBegin: (epoch: number) => bar.update({ epoch: epoch + 1 }),
    onBatchEnd: (_batch: number, logs: { size: number }) => {
      done += logs.size;
      bar.update(done, { rate: rate(done, started) });
    },
    onEpochEnd: (_epoch: number, logs: EpochLogs) => bar.update(done, { logs: formatLogs(logs) }),
    onTrainEnd: () => bar.stop(),
  };
}
