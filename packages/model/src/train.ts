import type { Target } from '@neunet/losses';
import type { BatchIterable } from './batch-source.js';
import type { EpochLogs } from './callbacks/callbacks.js';
import type { Input } from './inputs.js';
import type { NeuralNetwork } from './neural-network.js';
import type { History, TrainAsyncOptions, TrainOptions } from './train-options.js';
import { TrainingRun } from './training-run.js';

type Data = { x: Input; y: Target } | { source: BatchIterable };

/** The synchronous loop. Everything is checked before the first update, so bad input leaves the model as it was. */
export function train(model: NeuralNetwork, X: Input, y: Target, options: TrainOptions): History {
  const run = new TrainingRun(model, { x: X, y }, options);
  run.begin();
  for (let epoch = 0; epoch < run.epochs && !run.stopping; epoch++) {
    run.startEpoch(epoch);
    for (let b = 0; b < run.batchCount! && !run.stopping; b++) run.stepBatch(b);
    if (!run.stopping || run.epochComplete) run.endEpoch(epoch);
  }
  return run.end();
}

/**
 * One update on one batch, as Keras's `train_on_batch`: the data is checked as train checks
 * it, but no epoch is counted, no callback runs and the model's history is left alone.
 */
export function trainOnBatch(model: NeuralNetwork, X: Input, y: Target): EpochLogs {
  const run = new TrainingRun(model, { x: X, y }, ONE_BATCH, 'trainOnBatch');
  run.begin();
  run.startEpoch(0);
  run.stepBatch(0);
  return run.figures();
}

/** The whole of X as one batch, in its order. */
const ONE_BATCH: TrainOptions = { epochs: 1, batchSize: 0, shuffle: false };

/** The same loop, yielding to the event loop after every batch. */
export async function trainAsync(
  model: NeuralNetwork,
  data: Data,
  options: TrainAsyncOptions,
): Promise<History> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw new Error('trainAsync: the signal was already aborted');
  const run = new TrainingRun(model, data, options);
  run.begin();
  const report = (epoch: number, batch: number, loss: number) =>
    onProgress?.({ epoch, epochs: run.epochs, batch, batches: run.batchCount, loss });
  for (let epoch = 0; epoch < run.epochs && !run.stopping; epoch++) {
    run.startEpoch(epoch);
    if ('source' in data) {
      let b = 0;
      for await (const batch of data.source) {
        const [xb, yb] = run.checkBatch(batch, epoch, b);
        report(epoch, b++, run.step(xb, yb));
        await nextTurn();
        if (signal?.aborted) run.abort();
        if (run.stopping) break;
      }
      if (b === 0) {
        throw new Error(
          `trainAsync: the batch source yielded no batches in epoch ${epoch + 1}; it must start a new pass on every [Symbol.asyncIterator]() call (a generator object runs only once)`,
        );
      }
      run.finishSource();
    } else {
      for (let b = 0; b < run.batchCount! && !run.stopping; b++) {
        report(epoch, b, run.stepBatch(b));
        await nextTurn();
        if (signal?.aborted) run.abort();
      }
    }
    if (!run.stopping || run.epochComplete) run.endEpoch(epoch);
  }
  return run.end();
}

// setImmediate runs after pending I/O in Node; browsers have only timers (or a MessageChannel).
const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    const immediate = (globalThis as { setImmediate?: (f: () => void) => void }).setImmediate;
    if (immediate) immediate(resolve);
    else setTimeout(resolve, 0);
  });
