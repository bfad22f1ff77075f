import type { BenchContext } from '../context.js';
import { type MlpData, mlpData } from '../data.js';
import { measure } from '../measure.js';
import { mlpModel } from '../neunet.js';
import { brainMlp } from '../peers/brain.js';
import { convnetMlp } from '../peers/convnet.js';
import { runNumpy } from '../peers/numpy.js';
import { type TfjsBackend, tf, tfMlpModel, useTfjs } from '../peers/tfjs.js';
import type { Row } from '../row.js';
import { summarize } from '../stats.js';

export const W2 = { sizes: [784, 256, 128, 10], batch: 128, samples: 8192 } as const;
export const W2_CASE = 'train 784-256-128-10, Adam, batch 128';

/** Trains `units` steps of `batch` samples; the steps walk through the data and wrap. */
export type StepWork = (units: number) => void | Promise<void>;

/** NeuNet's training through the public `train`, one epoch over `units` batches. */
export function neunetTrainWork(model: ReturnType<typeof mlpModel>, data: MlpData, batch: number) {
  return (units: number) => {
    const n = Math.min(units * batch, data.X.rows);
    model.train(data.X.sliceRows(0, n), data.y.subarray(0, n), { epochs: 1, batchSize: batch });
  };
}

/**
 * tfjs: `trainOnBatch` on batches cut once, so the timed loop is tfjs's own step; samples
 * of `sampleShape` (W2's rows, W6's images). `dispose` frees the model and the batches.
 */
export function tfjsTrainWork(
  model: tf.LayersModel,
  data: MlpData,
  batch: number,
  sampleShape: readonly number[],
) {
  const size = data.X.cols;
  const steps = Math.floor(data.X.rows / batch);
  const batches: [tf.Tensor, tf.Tensor1D][] = [];
  let next = 0;
  const work: StepWork = async (units) => {
    for (let u = 0; u < units; u++, next++) {
      const s = next % steps;
      batches[s] ??= [
        tf.tensor(data.X.data.subarray(s * batch * size, (s + 1) * batch * size), [
          batch,
          ...sampleShape,
        ]),
        tf.tensor1d(Float32Array.from(data.y.subarray(s * batch, (s + 1) * batch))),
      ];
      await model.trainOnBatch(...batches[s]!);
    }
  };
  const dispose = () => {
    tf.dispose(batches.flat());
    model.dispose();
  };
  return { work, dispose };
}

/** Samples a unit for the per-sample trainers (brain.js, convnetjs), whose speed is per sample. */
const SAMPLE_UNIT = 8;

/** Units of SAMPLE_UNIT samples over a per-sample trainer, walking through the data. */
function sampleWork(train: (start: number, count: number) => void, data: MlpData): StepWork {
  const units = Math.floor(data.X.rows / SAMPLE_UNIT);
  let next = 0;
  return (count) => {
    for (let u = 0; u < count; u++, next++) train((next % units) * SAMPLE_UNIT, SAMPLE_UNIT);
  };
}

function row(impl: string, secondsPerUnit: number[], samplesPerUnit: number = W2.batch): Row {
  return {
    workload: 'W2',
    case: W2_CASE,
    impl,
    unit: 'samples/s',
    higherIsBetter: true,
    stats: summarize(secondsPerUnit.map((s) => samplesPerUnit / s)),
  };
}

/** W2: training samples per second of the 784-256-128-10 MLP, every implementation. */
export async function runW2(ctx: BenchContext): Promise<Row[]> {
  const data = mlpData(W2.samples, W2.sizes[0], W2.sizes[3], ctx.seed);
  const steps = W2.samples / W2.batch;
  const timing = { ...ctx.timing, maxUnits: steps };
  const hidden = W2.sizes.slice(1, -1);
  const rows: Row[] = [];
  for (const backend of ctx.neunet) {
    ctx.log(`W2 NeuNet ${backend.name}`);
    await backend.activate();
    const work = neunetTrainWork(mlpModel(W2.sizes, ctx.seed), data, W2.batch);
    rows.push(row(`NeuNet ${backend.name}`, await measure(work, timing)));
  }
  for (const name of ctx.tfjs) rows.push(await tfjsRow(ctx, name, data));
  for (const adam of [true, false]) {
    const impl = adam ? 'brain.js' : 'brain.js (SGD)';
    ctx.log(`W2 ${impl}`);
    const work = sampleWork(brainMlp(data, hidden, adam), data);
    rows.push(row(impl, await measure(work, ctx.timing), SAMPLE_UNIT));
  }
  ctx.log('W2 convnetjs');
  const convnet = convnetMlp(data, hidden, W2.batch);
  rows.push(row('convnetjs', await measure(sampleWork(convnet, data), ctx.timing), SAMPLE_UNIT));
  if (ctx.numpy) {
    const plan = {
      seed: ctx.seed,
      ...ctx.timing,
      W2: { case: W2_CASE, samples: W2.samples, sizes: [...W2.sizes], batch: W2.batch },
    };
    ctx.log('W2 numpy');
    rows.push(...runNumpy({ ...plan, impl: 'numpy' }));
    ctx.log('W2 numpy, 1 thread');
    rows.push(...runNumpy({ ...plan, impl: 'numpy 1 thread' }, 1));
  }
  return rows;
}

async function tfjsRow(ctx: BenchContext, name: TfjsBackend, data: MlpData): Promise<Row> {
  ctx.log(`W2 tfjs ${name}`);
  await useTfjs(name);
  const { work, dispose } = tfjsTrainWork(tfMlpModel(W2.sizes), data, W2.batch, [data.X.cols]);
  const seconds = await measure(work, { ...ctx.timing, maxUnits: W2.samples / W2.batch });
  dispose();
  return row(`tfjs ${name}`, seconds);
}
