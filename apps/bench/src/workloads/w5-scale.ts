import type { BenchContext } from '../context.js';
import { mlpData } from '../data.js';
import { measure } from '../measure.js';
import { mlpModel } from '../neunet.js';
import { runNumpy } from '../peers/numpy.js';
import type { Row } from '../row.js';
import { summarize } from '../stats.js';
import { neunetTrainWork } from './w2-mlp.js';

const SAMPLES = 8192;

/** The grid: both hidden layers `width` wide, trained in batches of `batch`. */
export function scaleGrid(quick: boolean): { widths: number[]; batches: number[] } {
  return quick
    ? { widths: [64, 256, 1024], batches: [1, 32, 256] }
    : { widths: [64, 128, 256, 512, 1024, 2048], batches: [1, 8, 64, 256, 1024] };
}

const cellCase = (width: number, batch: number) => `train 784-${width}-${width}-10, batch ${batch}`;

/** W5: how training throughput grows with the layer width and the batch size. */
export async function runW5(ctx: BenchContext): Promise<Row[]> {
  const { widths, batches } = scaleGrid(ctx.quick);
  const data = mlpData(SAMPLES, 784, 10, ctx.seed);
  const rows: Row[] = [];
  for (const backend of ctx.neunet) {
    ctx.log(`W5 NeuNet ${backend.name}`);
    await backend.activate();
    for (const width of widths) {
      for (const batch of batches) {
        const work = neunetTrainWork(mlpModel([784, width, width, 10], ctx.seed), data, batch);
        const seconds = await measure(work, { ...ctx.timing, maxUnits: SAMPLES / batch });
        rows.push({
          workload: 'W5',
          case: cellCase(width, batch),
          impl: `NeuNet ${backend.name}`,
          unit: 'samples/s',
          higherIsBetter: true,
          stats: summarize(seconds.map((s) => batch / s)),
          params: { width, batch },
        });
      }
    }
  }
  if (ctx.numpy) {
    // One OpenBLAS thread: two collapse whenever the other core is busy, which would
    // bury the shape of the grid.
    ctx.log('W5 numpy, 1 thread');
    const cells = widths.flatMap((width) =>
      batches.map((batch) => ({ case: cellCase(width, batch), width, batch })),
    );
    rows.push(
      ...runNumpy(
        {
          impl: 'numpy 1 thread',
          seed: ctx.seed,
          ...ctx.timing,
          W5: { samples: SAMPLES, cells },
        },
        1,
      ),
    );
  }
  return rows;
}
