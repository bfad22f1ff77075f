import { createData } from '@neunet/datasets';
import { Dense, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { Adam, type Optimizer, SGD } from '@neunet/optimizers';
import { BatchNormalization } from '@neunet/regularization';
import { setBackend } from '@neunet/tensor';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NeuralNetwork } from './neural-network.js';

const STEPS = 20;
const { X, y } = createData({ samples: 40, classes: 3, seed: 11 });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * Dense(2,16) → BatchNormalization → ReLU → Dense(16,3) → Softmax with categorical
 * cross-entropy and an L2 penalty, trained full-batch for 20 steps from the same initial
 * weights in NeuNet and in TensorFlow.js (cpu backend). The loss trajectories must agree.
 */
async function trajectories(neunetOptimizer: Optimizer, tfOptimizer: tf.Optimizer) {
  const l2 = 1e-3;
  const model = new NeuralNetwork({ seed: 5, optimizer: neunetOptimizer })
    .add(new Dense(2, 16))
    .add(new BatchNormalization({ momentum: 0.9, epsilon: 1e-5 }))
    .add(new ReLU())
    .add(new Dense(16, 3))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy({ l2 }));

  const reference = tf.sequential();
  reference.add(
    tf.layers.dense({ inputShape: [2], units: 16, kernelRegularizer: tf.regularizers.l2({ l2 }) }),
  );
  reference.add(tf.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5 }));
  reference.add(tf.layers.activation({ activation: 'relu' }));
  reference.add(
    tf.layers.dense({
      units: 3,
      activation: 'softmax',
      kernelRegularizer: tf.regularizers.l2({ l2 }),
    }),
  );
  reference.compile({ optimizer: tfOptimizer, loss: 'sparseCategoricalCrossentropy' });
  // Copy NeuNet's initial weights across (tfjs keeps a reference to a typed array it is
  // given, hence the slices); BatchNormalization starts at gamma 1, beta 0 in both.
  const [d1, , , d2] = model.layers as [Dense, unknown, unknown, Dense];
  for (const [i, dense] of [
    [0, d1],
    [3, d2],
  ] as const) {
    reference.layers[i]!.setWeights([
      tf.tensor2d(dense.weights.value.data.slice(), [dense.nIn!, dense.nOut]),
      tf.tensor1d(dense.bias.value.data.slice()),
    ]);
  }

  const ours = model.train(X, y, { epochs: STEPS, batchSize: 0, shuffle: false }).loss;
  const xs = tf.tensor2d(X.data, [X.rows, 2]);
  const ys = tf.tensor1d(Float32Array.from(y));
  const theirs: number[] = [];
  for (let step = 0; step < STEPS; step++) {
    const loss = await reference.trainOnBatch(xs, ys);
    theirs.push(Array.isArray(loss) ? loss[0]! : loss);
  }
  return { ours, theirs };
}

describe.each(['js', 'wasm'])(
  'parity with TensorFlow.js (cpu backend), NeuNet on %s',
  (backend) => {
    beforeAll(() => {
      setBackend(backend);
    });

    it('SGD: the same loss trajectory within 1e-4 relative', async () => {
      const { ours, theirs } = await trajectories(
        new SGD({ learningRate: 0.5 }),
        tf.train.sgd(0.5),
      );
      expect(worstRelativeGap(ours, theirs)).toBeLessThan(1e-4);
      expect(ours[STEPS - 1]!).toBeLessThan(ours[0]! * 0.95);
    });

    it('Adam: the same loss trajectory within 1e-4 relative', async () => {
      const { ours, theirs } = await trajectories(
        new Adam({ learningRate: 0.01, epsilon: 1e-7 }),
        tf.train.adam(0.01, 0.9, 0.999, 1e-7),
      );
      expect(worstRelativeGap(ours, theirs)).toBeLessThan(1e-4);
      expect(ours[STEPS - 1]!).toBeLessThan(ours[0]! * 0.95);
    });
  },
);

function worstRelativeGap(ours: number[], theirs: number[]): number {
  expect(theirs).toHaveLength(STEPS);
  return Math.max(...ours.map((v, i) => Math.abs(v - theirs[i]!) / Math.abs(theirs[i]!)));
}
