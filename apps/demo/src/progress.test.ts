import { afterEach, describe, expect, it, vi } from 'vitest';
import { EpochTimer } from './epoch-timer.js';
import { progressReporter } from './progress.js';
import { DEFAULT_RUN, prepareRun, trainRun } from './run.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the progress of a training run', () => {
  it('without a terminal: a line for the first epoch, one in twenty, and the last, with the time and samples/s', () => {
    const isTTY = process.stdout.isTTY;
    process.stdout.isTTY = false;
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const run = { ...prepareRun({ ...DEFAULT_RUN, dataset: 'moons' }), epochs: 41 };
    const timer = new EpochTimer();
    try {
      trainRun(run, [progressReporter(run.split.XTrain.rows), timer]);
    } finally {
      process.stdout.isTTY = isTTY;
    }
    // 41 epochs: every second one (41 / 20 rounds to 2), the first and the last.
    const epochs = lines.map((line) => /^Epoch (\d+)\/41 /.exec(line)?.[1]);
    expect(epochs).toEqual(['1', ...Array.from({ length: 20 }, (_, i) => String(2 * i + 2)), '41']);
    // Moons measures its test part after every epoch: val_ figures follow the training ones.
    expect(lines[0]).toMatch(
      /^Epoch 1\/41 \(\d+\.\d s, \d+ samples\/s; \d+\.\d s in all\) - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}$/,
    );
    // The timer counts every training sample of every epoch: 70% of moons' 1,000 points.
    expect(timer.epochs).toHaveLength(41);
    expect(timer.epochs.every((e) => e.samples === 700 && e.seconds > 0)).toBe(true);
    expect(timer.samplesPerSecond).toBeCloseTo((41 * 700) / timer.seconds, 6);
  });
});
