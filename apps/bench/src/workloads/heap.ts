import v8 from 'node:v8';
import type { BenchContext } from '../context.js';
import { mlpData } from '../data.js';
import { mlpModel } from '../neunet.js';
import { W2 } from './w2-mlp.js';

/** What W2's training allocates per step once warm, for one NeuNet backend. */
export interface HeapGrowth {
  impl: string;
  /** The steps the figure is per: the long run's steps minus the short run's. */
  steps: number;
  /** JS heap bytes allocated per step (what a collection in between freed included). */
  heapBytesPerStep: number;
  /** Garbage collections during the long run. */
  collections: number;
}

const SHORT_EPOCHS = 1;
/** 16 epochs (1,024 steps) more than the short run; 1 (64 steps) with --quick. */
const longEpochs = (quick: boolean) => (quick ? 2 : 17);

/** Bytes in use in the young generation, where V8 puts every new object. */
function youngBytes(): number {
  let used = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (space.space_name.startsWith('new')) used += space.space_used_size;
  }
  return used;
}

/**
 * JS heap bytes `run` allocates: the young generation's growth (it starts empty after a
 * full collection) plus what scavenges during the run freed, which V8's GC profiler
 * reports. The old generation is left out: concurrent sweeping after `gc()` makes its
 * used size drift by more than a step allocates.
 */
function allocatedBy(run: () => void, gc: () => void): { bytes: number; collections: number } {
  gc();
  const profiler = new v8.GCProfiler();
  profiler.start();
  const start = youngBytes();
  run();
  const end = youngBytes();
  const { statistics } = profiler.stop();
  const freed = statistics.reduce(
    (sum, s) =>
      sum + s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize,
    0,
  );
  return { bytes: end - start + freed, collections: statistics.length };
}

/**
 * Trains W2 for 1 epoch and for 17 (64 steps each) and takes the difference of what they
 * allocate, so what `train` allocates once per call (the shuffle order, the batch
 * buffers) cancels and 1,024 steps' worth remains (64 with --quick). Needs
 * `--expose-gc`; undefined without it.
 */
export async function measureHeapGrowth(ctx: BenchContext): Promise<HeapGrowth[] | undefined> {
  const gc = globalThis.gc;
  if (!gc) return undefined;
  const data = mlpData(W2.samples, W2.sizes[0], W2.sizes[3], ctx.seed);
  const stepsPerEpoch = W2.samples / W2.batch;
  const results: HeapGrowth[] = [];
  for (const backend of ctx.neunet) {
    ctx.log(`heap growth NeuNet ${backend.name}`);
    await backend.activate();
    const model = mlpModel(W2.sizes, ctx.seed);
    const train = (epochs: number) => () =>
      void model.train(data.X, data.y, { epochs, batchSize: W2.batch });
    train(1)();
    const short = allocatedBy(train(SHORT_EPOCHS), gc);
    const long = allocatedBy(train(longEpochs(ctx.quick)), gc);
    const steps = (longEpochs(ctx.quick) - SHORT_EPOCHS) * stepsPerEpoch;
    results.push({
      impl: `NeuNet ${backend.name}`,
      steps,
      heapBytesPerStep: (long.bytes - short.bytes) / steps,
      collections: long.collections,
    });
  }
  return results;
}
