import { createRequire } from 'node:module';
import type * as Convnet from 'convnetjs';
import type { MlpData } from '../data.js';
import { LENET } from '../lenet.js';

const convnetjs = createRequire(import.meta.url)('convnetjs') as typeof Convnet;

/**
 * W2's network in convnetjs: fc + ReLU layers, softmax output (cross-entropy), batches of
 * `batch`. convnetjs has no Adam; AdaGrad is its nearest per-weight adaptive method.
 * `train(start, count)` trains on `count` samples.
 */
export function convnetMlp(data: MlpData, hidden: readonly number[], batch: number) {
  const net = new convnetjs.Net();
  net.makeLayers([
    { type: 'input', out_sx: 1, out_sy: 1, out_depth: data.X.cols },
    ...hidden.map((n) => ({ type: 'fc' as const, num_neurons: n, activation: 'relu' as const })),
    { type: 'softmax', num_classes: data.classes },
  ]);
  const trainer = new convnetjs.Trainer(net, {
    method: 'adagrad',
    learning_rate: 1e-3,
    batch_size: batch,
  });
  const width = data.X.cols;
  const vols = Array.from({ length: data.X.rows }, (_, i) => {
    const v = new convnetjs.Vol(1, 1, width, 0);
    v.w.set(data.X.data.subarray(i * width, (i + 1) * width));
    return v;
  });
  return (start: number, count: number) => {
    for (let i = start; i < start + count; i++) trainer.train(vols[i]!, data.y[i]!);
  };
}

/**
 * W6's LeNet in convnetjs (its conv layers have a bias and fuse the ReLU; its softmax layer
 * brings the Dense 10), AdaGrad as above. A convnetjs Vol (28, 28, 1) holds the pixels row
 * by row, as an NHWC image does. `train(i)` trains on image i, `predict(i)` returns its
 * probabilities.
 */
export function convnetLenet(images: Float32Array, labels: Int32Array, batch: number) {
  const [first, second] = LENET.filters;
  const [height, width, channels] = LENET.inputShape;
  const conv = { sx: LENET.kernelSize, stride: 1, pad: 0, activation: 'relu' } as const;
  const pool = { type: 'pool', sx: LENET.poolSize, stride: LENET.poolSize } as const;
  const net = new convnetjs.Net();
  net.makeLayers([
    { type: 'input', out_sx: width, out_sy: height, out_depth: channels },
    { type: 'conv', filters: first, ...conv },
    pool,
    { type: 'conv', filters: second, ...conv },
    pool,
    { type: 'softmax', num_classes: LENET.classes },
  ]);
  const trainer = new convnetjs.Trainer(net, {
    method: 'adagrad',
    learning_rate: LENET.learningRate,
    batch_size: batch,
  });
  const pixels = height * width * channels;
  const vols = Array.from({ length: labels.length }, (_, i) => {
    const v = new convnetjs.Vol(width, height, channels, 0);
    v.w.set(images.subarray(i * pixels, (i + 1) * pixels));
    return v;
  });
  return {
    train: (i: number) => void trainer.train(vols[i]!, labels[i]!),
    predict: (i: number) => net.forward(vols[i]!, false).w,
  };
}
