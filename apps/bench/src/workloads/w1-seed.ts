import type { BenchContext } from '../context.js';
import { measure } from '../measure.js';
import { seedData, seedModel } from '../neunet.js';
import { runNumpy } from '../peers/numpy.js';
import { tf, tfSeedModel, useTfjs } from '../peers/tfjs.js';
import type { Row } from '../row.js';
import { summarize } from '../stats.js';

const CASE = 'seed example: spiral 300, 2-128-64-32-3, batch 32';

function row(impl: string, secondsPerEpoch: number[]): Row {
  return {
    workload: 'W1',
    case: CASE,
    impl,
    unit: 'epochs/s',
    higherIsBetter: true,
    stats: summarize(secondsPerEpoch.map((s) => 1 / s)),
  };
}

/** W1: the seed example's training speed, in epochs per second. */
export async function runW1(ctx: BenchContext): Promise<Row[]> {
  const rows: Row[] = [];
  const { X, y } = seedData();
  for (const backend of ctx.neunet) {
    ctx.log(`W1 NeuNet ${backend.name}`);
    await backend.activate();
    const model = seedModel(ctx.seed);
    const seconds = await measure(
      (epochs) => void model.train(X, y, { epochs, batchSize: 32 }),
      ctx.timing,
    );
    rows.push(row(`NeuNet ${backend.name}`, seconds));
  }
  for (const name of ctx.tfjs) {
    ctx.log(`W1 tfjs ${name}`);
    await useTfjs(name);
    const model = tfSeedModel();
    const xs = tf.tensor2d(X.data, [X.rows, 2]);
    const ys = tf.tensor1d(Float32Array.from(y));
    const seconds = await measure(async (epochs) => {
      await model.fit(xs, ys, { epochs, batchSize: 32, shuffle: true, verbose: 0 });
    }, ctx.timing);
    rows.push(row(`tfjs ${name}`, seconds));
    tf.dispose([xs, ys]);
    model.dispose();
  }
  if (ctx.numpy) {
    ctx.log('W1 numpy (the seed design)');
    rows.push(
      ...runNumpy({
        impl: 'numpy (seed design)',
        seed: ctx.seed,
        ...ctx.timing,
        W1: { case: CASE },
      }),
    );
  }
  return rows;
}
