import { createRequire } from 'node:module';
import type * as Convnet from 'convnetjs';
import type { MlpData } from '../data.js';

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
