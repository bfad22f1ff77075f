import type { Tensor } from '@neunet/tensor';
import type { BenchContext } from '../context.js';
import { mlpData } from '../data.js';
import { measure } from '../measure.js';
import { mlpModel, networkWeights } from '../neunet.js';
import { onnxModel } from '../peers/onnx.js';
import { tf, tfMlpModel, useTfjs } from '../peers/tfjs.js';
import type { Row } from '../row.js';
import { summarize } from '../stats.js';
import { W2 } from './w2-mlp.js';

const BIG = 1024;
/** Probabilities from different implementations of the same weights agree this closely. */
const TOLERANCE = 1e-4;

/** One implementation's inference: probabilities for `rows` rows of `x`. */
type Predict = (x: Tensor) => Float32Array | Promise<Float32Array>;

/** W4: W2's network, batch-1 latency and batch-1024 throughput, on the same weights. */
export async function runW4(ctx: BenchContext): Promise<Row[]> {
  const data = mlpData(BIG, W2.sizes[0], W2.sizes[3], ctx.seed);
  const one = data.X.sliceRows(0, 1);
  const model = mlpModel(W2.sizes, ctx.seed);
  const weights = networkWeights(model);
  const rows: Row[] = [];
  let reference: Float32Array | undefined;

  const bench = async (impl: string, predict: Predict) => {
    ctx.log(`W4 ${impl}`);
    const probabilities = await predict(data.X);
    reference ??= probabilities.slice();
    checkAgreement('W4', impl, probabilities, reference);
    const latency = await measure(async (units) => {
      for (let u = 0; u < units; u++) await predict(one);
    }, ctx.timing);
    const batch = await measure(async (units) => {
      for (let u = 0; u < units; u++) await predict(data.X);
    }, ctx.timing);
    rows.push(
      {
        workload: 'W4',
        case: 'predict, batch 1 (latency)',
        impl,
        unit: 'µs',
        higherIsBetter: false,
        stats: summarize(latency.map((s) => s * 1e6)),
      },
      {
        workload: 'W4',
        case: `predict, batch ${BIG}`,
        impl,
        unit: 'samples/s',
        higherIsBetter: true,
        stats: summarize(batch.map((s) => BIG / s)),
      },
    );
  };

  for (const backend of ctx.neunet) {
    await backend.activate();
    await bench(`NeuNet ${backend.name}`, (x) => model.predictProba(x).data);
  }
  for (const name of ctx.tfjs) {
    await useTfjs(name);
    const tfModel = tfMlpModel(W2.sizes, weights);
    await bench(`tfjs ${name}`, (x) =>
      tf.tidy(() => {
        const input = tf.tensor2d(x.data, [x.rows, x.cols]);
        return (tfModel.predict(input) as tf.Tensor).dataSync() as Float32Array;
      }),
    );
    tfModel.dispose();
  }
  const onnx = await onnxModel(model);
  await bench('onnxruntime', (x) => onnx.run(x.data, x.rows));
  await onnx.release();
  return rows;
}

/** Throws unless `ours` is within TOLERANCE of `reference` everywhere. */
export function checkAgreement(
  workload: string,
  impl: string,
  ours: Float32Array,
  reference: Float32Array,
): void {
  let worst = 0;
  for (let i = 0; i < reference.length; i++) {
    worst = Math.max(worst, Math.abs(ours[i]! - reference[i]!));
  }
  if (!(worst <= TOLERANCE)) {
    throw new Error(
      `${workload}: ${impl}'s probabilities differ from the first implementation's by up to ${worst}; expected at most ${TOLERANCE} on the same weights`,
    );
  }
}
