import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMnist } from '@neunet/mnist';
import type { Tensor } from '@neunet/tensor';
import type { Breakdown } from '../breakdown.js';
import type { BenchContext, WorkloadOutput } from '../context.js';
import type { MlpData } from '../data.js';
import { LENET, lenetModel } from '../lenet.js';
import { measure, type Work } from '../measure.js';
import { writeDigits } from '../mnist-file.js';
import { networkWeights } from '../neunet.js';
import { convnetLenet } from '../peers/convnet.js';
import { onnxModel } from '../peers/onnx.js';
import { type TfjsBackend, tf, tfLenetModel, useTfjs } from '../peers/tfjs.js';
import { runTorch } from '../peers/torch.js';
import type { Row, Unmeasured } from '../row.js';
import { summarize } from '../stats.js';
import { neunetTrainWork, tfjsTrainWork } from './w2-mlp.js';
import { checkAgreement } from './w4-infer.js';
import { w6Breakdown } from './w6-breakdown.js';
import { TORCH_THREADS, torchImpl, W6, W6_INFER, W6_TRAIN } from './w6-cases.js';

/** convnetjs trains and predicts one digit at a time: it is timed in units of this many. */
const CONVNET_UNIT = 8;
/** Where each implementation's row goes in its case: tfjs last, so that wasm's "cannot train" follows tfjs cpu. */
const ORDER = ['NeuNet', 'PyTorch', 'onnxruntime', 'convnetjs', 'tfjs'];
const rank = (r: Row) => ORDER.findIndex((prefix) => r.impl.startsWith(prefix));

/**
 * A figure whose unit takes longer than a run's target (tfjs cpu's training step takes
 * seconds, NeuNet js's batch of 256 about one) is the median of 3 runs at most, so that W6
 * stays within a few minutes.
 */
const SLOW_RUNS = 3;

function row(caseName: string, impl: string, secondsPerUnit: number[], samples: number): Row {
  return {
    workload: 'W6',
    case: caseName,
    impl,
    unit: 'samples/s',
    higherIsBetter: true,
    stats: summarize(secondsPerUnit.map((s) => samples / s)),
  };
}

/**
 * tfjs `name`'s training figure, or why it cannot train: tfjs's wasm backend has no
 * convolution gradient kernels. Any other error propagates.
 */
async function tfjsTraining(
  ctx: BenchContext,
  name: TfjsBackend,
  data: MlpData,
): Promise<Row | Unmeasured> {
  ctx.log(`W6 tfjs ${name}, training`);
  await useTfjs(name);
  const { work, dispose } = tfjsTrainWork(tfLenetModel(), data, W6.trainBatch, LENET.inputShape);
  try {
    const seconds = await measure(work, { ...ctx.timing, maxUnits: data.X.rows / W6.trainBatch });
    return row(W6_TRAIN, `tfjs ${name}`, seconds, W6.trainBatch);
  } catch (error) {
    const { message } = error as Error;
    if (!/Kernel '\w+' not registered/.test(message)) throw error;
    const reason = `cannot train: ${message}`;
    return { workload: 'W6', case: W6_TRAIN, impl: `tfjs ${name}`, unit: 'samples/s', reason };
  } finally {
    dispose();
  }
}

/**
 * W6: issue 12's LeNet on the first MNIST test digits, training samples/s (Adam, batch 64)
 * and inference samples/s (batch 256), for NeuNet, tfjs, convnetjs, onnxruntime
 * (inference) and PyTorch on 1 and 2 threads; then its targets, and where one is missed
 * (or with --breakdown) the time per kernel of NeuNet beside PyTorch's.
 */
export async function runW6(given: BenchContext): Promise<WorkloadOutput> {
  const ctx = { ...given, timing: { ...given.timing, slowRuns: SLOW_RUNS } };
  const digits = loadMnist({ split: 'test' });
  const data: MlpData = {
    X: digits.X.sliceRows(0, W6.samples),
    y: digits.y.subarray(0, W6.samples),
    classes: LENET.classes,
  };
  const steps = W6.samples / W6.trainBatch;
  const rows: Row[] = [];
  const unmeasured: Unmeasured[] = [];

  for (const backend of ctx.neunet) {
    ctx.log(`W6 NeuNet ${backend.name}, training`);
    await backend.activate();
    const work = neunetTrainWork(lenetModel(ctx.seed), data, W6.trainBatch);
    const seconds = await measure(work, { ...ctx.timing, maxUnits: steps });
    rows.push(row(W6_TRAIN, `NeuNet ${backend.name}`, seconds, W6.trainBatch));
  }
  for (const name of ctx.tfjs) {
    const result = await tfjsTraining(ctx, name, data);
    if ('reason' in result) unmeasured.push(result);
    else rows.push(result);
  }
  ctx.log('W6 convnetjs, training');
  const convnet = convnetLenet(data.X.data, data.y, W6.trainBatch);
  let nextSample = 0;
  const convnetWork: Work = (units) => {
    for (let i = 0; i < units * CONVNET_UNIT; i++, nextSample++) {
      convnet.train(nextSample % W6.samples);
    }
  };
  rows.push(row(W6_TRAIN, 'convnetjs', await measure(convnetWork, ctx.timing), CONVNET_UNIT));

  rows.push(...(await inference(ctx, data, convnet.predict)));

  let torch: Record<string, Partial<Breakdown>> = {};
  if (ctx.torch) {
    const measured = pytorch(ctx, data);
    rows.push(...measured.rows);
    torch = measured.breakdowns;
  }
  const cases = [W6_TRAIN, W6_INFER];
  rows.sort((a, b) => cases.indexOf(a.case) - cases.indexOf(b.case) || rank(a) - rank(b));
  const { sections, notes } = await w6Breakdown(ctx, data, rows, torch);
  return { rows, unmeasured, sections, notes };
}

/**
 * Inference on one batch of 256: NeuNet on every backend, tfjs and onnxruntime on the same
 * weights (their probabilities must agree), convnetjs on its own.
 */
async function inference(
  ctx: BenchContext,
  data: MlpData,
  convnetPredict: (i: number) => unknown,
): Promise<Row[]> {
  const rows: Row[] = [];
  const x = data.X.sliceRows(0, W6.inferBatch);
  const model = lenetModel(ctx.seed);
  const weights = networkWeights(model);
  let reference: Float32Array | undefined;
  const bench = async (impl: string, predict: () => Float32Array | Promise<Float32Array>) => {
    ctx.log(`W6 ${impl}, inference`);
    const probabilities = await predict();
    reference ??= probabilities.slice();
    checkAgreement('W6', impl, probabilities, reference);
    const seconds = await measure(async (units) => {
      for (let u = 0; u < units; u++) await predict();
    }, ctx.timing);
    rows.push(row(W6_INFER, impl, seconds, W6.inferBatch));
  };
  for (const backend of ctx.neunet) {
    await backend.activate();
    await bench(`NeuNet ${backend.name}`, () => model.predictProba(x).data);
  }
  for (const name of ctx.tfjs) {
    await useTfjs(name);
    const tfModel = tfLenetModel(weights);
    await bench(`tfjs ${name}`, () => tfPredict(tfModel, x));
    tfModel.dispose();
  }
  const onnx = await onnxModel(model);
  await bench('onnxruntime', () => onnx.run(x.data, x.rows));
  await onnx.release();

  ctx.log('W6 convnetjs, inference');
  let next = 0;
  const seconds = await measure((units) => {
    for (let i = 0; i < units * CONVNET_UNIT; i++, next++) convnetPredict(next % W6.inferBatch);
  }, ctx.timing);
  rows.push(row(W6_INFER, 'convnetjs', seconds, CONVNET_UNIT));
  return rows;
}

function tfPredict(model: tf.Sequential, x: Tensor): Float32Array {
  return tf.tidy(() => {
    const input = tf.tensor4d(x.data, [x.rows, ...LENET.inputShape]);
    return (model.predict(input) as tf.Tensor).dataSync() as Float32Array;
  });
}

/** PyTorch on 1 and 2 threads, fed the same digits through a temporary file. */
function pytorch(ctx: BenchContext, data: MlpData) {
  const dir = mkdtempSync(path.join(tmpdir(), 'neunet-w6-'));
  const file = path.join(dir, 'digits.bin');
  const rows: Row[] = [];
  const breakdowns: Record<string, Partial<Breakdown>> = {};
  try {
    writeDigits(file, data.X.data, data.y);
    for (const threads of TORCH_THREADS) {
      const impl = torchImpl(threads);
      ctx.log(`W6 ${impl}`);
      const out = runTorch({
        impl,
        threads,
        seed: ctx.seed,
        ...ctx.timing,
        data: file,
        samples: W6.samples,
        train: { case: W6_TRAIN, batch: W6.trainBatch, learningRate: LENET.learningRate },
        infer: { case: W6_INFER, batch: W6.inferBatch },
        breakdown: ['train', 'infer'],
      });
      rows.push(...out.rows);
      breakdowns[impl] = out.breakdown;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, breakdowns };
}
