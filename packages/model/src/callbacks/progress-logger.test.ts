import { createData } from '@neunet/datasets';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedNetwork } from '../../test/test-networks.js';
import type { BatchIterable } from '../batch-source.js';
import type { Callback } from './callbacks.js';
import { formatLogs, ProgressLogger, type ProgressStream } from './progress-logger.js';

const data = createData({ samples: 6, classes: 3, seed: 1 });
/** 16 samples: 4 batches of 4, or 2 of 8. */
const X = data.X.sliceRows(0, 16);
const y = data.y.subarray(0, 16);

/** A stream that keeps what is written, and a clock that moves 250 ms per batch. */
function capture(isTTY: boolean, msPerBatch = 250) {
  const writes: string[] = [];
  const stream: ProgressStream = { isTTY, write: (text) => writes.push(text) };
  let time = 1000;
  // Runs before the logger (the user's callbacks come first): each batch takes msPerBatch.
  const clock: Callback = {
    onBatchEnd: () => {
      time += msPerBatch;
    },
  };
  return { writes, stream, clock, now: () => time };
}

describe('ProgressLogger', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("train's early-stopping note goes to the progress stream, not to console.log", () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
      written.push(String(text));
      return true;
    });
    const log = vi.spyOn(console, 'log');
    const model = seedNetwork(1, false);
    const history = model.train(X, y, {
      epochs: 50,
      batchSize: 16,
      verbose: 2,
      patience: 1,
      minDelta: 10,
    });
    expect(history.stoppedEpoch).toBe(1);
    expect(written.at(-1)).toBe('Early stopping at epoch 2; restored the weights of epoch 1\n');
    expect(log).not.toHaveBeenCalled();
  });

  it('verbose 1 on a terminal: a bar per epoch, redrawn in place, with the count, time, samples/s and running figures', () => {
    const { writes, stream, clock, now } = capture(true);
    const model = seedNetwork(1, false);
    const history = model.train(X, y, {
      epochs: 2,
      batchSize: 4,
      callbacks: [clock, new ProgressLogger({ verbose: 1, stream, now })],
    });
    const text = writes.join('');
    const epochs = text.split(/Epoch \d\/2\n/).slice(1);
    expect(text.startsWith('Epoch 1/2\n')).toBe(true);
    expect(epochs).toHaveLength(2);
    epochs.forEach((epoch, e) => {
      const frames = epoch.split('\r').slice(1);
      // One frame per batch (250 ms apart, above the 50 ms between redraws), then the epoch's.
      expect(frames).toHaveLength(5);
      expect(frames[0]).toMatch(
        /^1\/4 \[=======>\.{22}\] - 0\.3s - 16 samples\/s - loss: \d\.\d{4} - accuracy: \d\.\d{4}$/,
      );
      expect(frames[1]).toMatch(/^2\/4 \[={15}>\.{14}\] - 0\.5s - 16 samples\/s - loss: /);
      const logs = { loss: history.loss[e]!, accuracy: history.accuracy![e]! };
      expect(frames[4]).toBe(
        `4/4 [${'='.repeat(30)}] - 1.0s - 16 samples/s - ${formatLogs(logs)}\n`,
      );
    });
  });

  it('verbose 1 off a terminal: plain lines, one per epoch, and one every ten seconds of a long epoch', () => {
    const { writes, stream, clock, now } = capture(false, 4000);
    const model = seedNetwork(1, false);
    const history = model.train(X, y, {
      epochs: 2,
      batchSize: 4,
      callbacks: [clock, new ProgressLogger({ stream, now })],
    });
    expect(writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
    const logs = (e: number) =>
      formatLogs({ loss: history.loss[e]!, accuracy: history.accuracy![e]! });
    expect(writes).toEqual([
      expect.stringMatching(
        /^Epoch 1\/2 - 3\/4 batches - 12\.0s - 1 samples\/s - loss: \d\.\d{4} - accuracy: /,
      ),
      `Epoch 1/2 - 4/4 batches - 16.0s - 1 samples/s - ${logs(0)}\n`,
      expect.stringMatching(/^Epoch 2\/2 - 3\/4 batches - 12\.0s - 1 samples\/s - loss: /),
      `Epoch 2/2 - 4/4 batches - 16.0s - 1 samples/s - ${logs(1)}\n`,
    ]);
  });

  it('verbose 2: one line per epoch, on a terminal too, with the validation figures', () => {
    const { writes, stream, clock, now } = capture(true);
    const model = seedNetwork(1, false);
    const history = model.train(X, y, {
      epochs: 3,
      batchSize: 8,
      validationData: [X, y],
      callbacks: [clock, new ProgressLogger({ verbose: 2, stream, now })],
    });
    expect(writes).toHaveLength(3);
    writes.forEach((line, e) => {
      const logs = {
        loss: history.loss[e]!,
        accuracy: history.accuracy![e]!,
        val_loss: history.val_loss![e]!,
        val_accuracy: history.val_accuracy![e]!,
      };
      expect(line).toBe(
        `Epoch ${e + 1}/3 - 2/2 batches - 0.5s - 32 samples/s - ${formatLogs(logs)}\n`,
      );
    });
  });

  it('counts the batches of a source, whose number is unknown, and ends a line cut short', async () => {
    const { writes, stream, clock, now } = capture(true);
    const source: BatchIterable = {
      async *[Symbol.asyncIterator]() {
        yield { x: X.sliceRows(0, 8), y: y.subarray(0, 8) };
        yield { x: X.sliceRows(8, 16), y: y.subarray(8, 16) };
      },
    };
    const stopper: Callback = {
      onBatchEnd: (batch, _logs, context) => {
        if (batch === 0) context.stop();
      },
    };
    await seedNetwork(1, false).trainAsync(source, {
      epochs: 2,
      callbacks: [clock, stopper, new ProgressLogger({ stream, now })],
    });
    const text = writes.join('');
    expect(text).toMatch(
      /^Epoch 1\/2\n\r1 - 0\.3s - 32 samples\/s - loss: \d\.\d{4} - accuracy: \d\.\d{4}\n$/,
    );
  });

  it("train's verbose adds one, and refuses what Keras does not know", () => {
    const model = seedNetwork(1, false);
    expect(() => model.train(X, y, { epochs: 1, verbose: 10 as never })).toThrow(
      'train: verbose must be false, true, 0, 1 or 2 (as in Keras: 1 a progress bar per epoch, 2 one line per epoch), got 10',
    );
    expect(() => new ProgressLogger({ verbose: 0 as never })).toThrow(
      'ProgressLogger: verbose must be 1 (a bar per epoch) or 2 (a line per epoch), got 0',
    );
    expect(model.epochsTrained).toBe(0);
  });
});
