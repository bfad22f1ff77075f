import {
  AveragePooling2D,
  Conv2D,
  Dense,
  Flatten,
  type Layer,
  MaxPooling2D,
  Softmax,
} from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { Adam, type Optimizer, SGD } from '@neunet/optimizers';
import { setBackend, type Tensor } from '@neunet/tensor';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { barImages } from '../test/image-data.js';
import { NeuralNetwork } from './neural-network.js';

const STEPS = 10;
const { X, y } = barImages(24, 3, 12, 2);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * Conv2D(4, 3×3, same, relu) → MaxPooling2D(2) → Conv2D(6, 3×3, valid, tanh) →
 * AveragePooling2D(2) → Flatten → Dense(3) → Softmax on [12, 12, 2] images, in NeuNet and
 * in TensorFlow.js (cpu backend) with NeuNet's initial weights copied across unchanged
 * (both keep kernels as [kh, kw, inChannels, filters]).
 */
function networks(optimizer: Optimizer, tfOptimizer: tf.Optimizer) {
  const model = new NeuralNetwork({ seed: 9, optimizer })
    .add(
      new Conv2D({
        filters: 4,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        inputShape: [12, 12, 2],
      }),
    )
    .add(new MaxPooling2D({ poolSize: 2 }))
    .add(new Conv2D({ filters: 6, kernelSize: 3, padding: 'valid', activation: 'tanh' }))
    .add(new AveragePooling2D({ poolSize: 2 }))
    .add(new Flatten())
    .add(new Dense({ units: 3 }))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());

  const reference = tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [12, 12, 2],
        filters: 4,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
      }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 6, kernelSize: 3, padding: 'valid', activation: 'tanh' }),
      tf.layers.averagePooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  reference.compile({ optimizer: tfOptimizer, loss: 'sparseCategoricalCrossentropy' });
  // tfjs keeps a reference to a typed array it is given, hence the slices.
  for (const [ours, theirs] of [
    [0, 0],
    [2, 2],
    [5, 5],
  ] as const) {
    reference.layers[theirs]!.setWeights(
      model.layers[ours]!.params().map((p) => tf.tensor(p.value.data.slice(), [...p.value.shape])),
    );
  }
  return { model, reference };
}

function worstGap(ours: Float32Array, theirs: Float32Array | Int32Array | Uint8Array): number {
  expect(ours.length).toBe(theirs.length);
  let worst = 0;
  for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - theirs[i]!));
  return worst;
}

function worstRelativeGap(ours: number[], theirs: number[]): number {
  expect(ours).toHaveLength(STEPS);
  expect(theirs).toHaveLength(STEPS);
  return Math.max(...ours.map((v, i) => Math.abs(v - theirs[i]!) / Math.abs(theirs[i]!)));
}

async function trajectory(reference: tf.Sequential): Promise<number[]> {
  const xs = tf.tensor(X.data.slice(), [...X.shape]);
  const ys = tf.tensor1d(Float32Array.from(y));
  const losses: number[] = [];
  for (let step = 0; step < STEPS; step++) {
    const loss = await reference.trainOnBatch(xs, ys);
    losses.push(Array.isArray(loss) ? loss[0]! : loss);
  }
  return losses;
}

describe.each(['js', 'wasm'])(
  'conv net parity with TensorFlow.js (cpu), NeuNet on %s',
  (backend) => {
    beforeAll(() => {
      setBackend(backend);
    });

    it('every layer gives the same output within 1e-5', async () => {
      const { model, reference } = networks(new SGD({ learningRate: 0.1 }), tf.train.sgd(0.1));
      const probe = tf.model({
        inputs: reference.inputs,
        outputs: reference.layers.map((layer) => layer.output as tf.SymbolicTensor),
      });
      const theirs = probe.predict(tf.tensor(X.data.slice(), [...X.shape])) as tf.Tensor[];
      // NeuNet's Dense and Softmax are two layers where tfjs has one.
      const ours: Tensor[] = [];
      let out = X;
      for (const layer of model.layers as Layer[]) {
        out = layer.forward(out);
        ours.push(out.clone());
      }
      const pairs: [number, number][] = [
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
        [6, 5],
      ];
      for (const [o, t] of pairs) {
        expect(ours[o]!.shape).toEqual(theirs[t]!.shape);
        expect(worstGap(ours[o]!.data, await theirs[t]!.data())).toBeLessThan(1e-5);
      }
      expect(worstGap(model.predictProba(X).data, await theirs[5]!.data())).toBeLessThan(1e-5);
    });

    it('SGD: the same loss trajectory over 10 steps within 1e-4 relative', async () => {
      const { model, reference } = networks(new SGD({ learningRate: 0.1 }), tf.train.sgd(0.1));
      const ours = model.train(X, y, { epochs: STEPS, batchSize: 0, shuffle: false }).loss;
      const theirs = await trajectory(reference);
      expect(worstRelativeGap(ours, theirs)).toBeLessThan(1e-4);
      expect(ours[STEPS - 1]!).toBeLessThan(ours[0]! * 0.95);
    });

    it('Adam: the same loss trajectory over 10 steps within 1e-4 relative', async () => {
      const { model, reference } = networks(
        new Adam({ learningRate: 0.01, epsilon: 1e-7 }),
        tf.train.adam(0.01, 0.9, 0.999, 1e-7),
      );
      const ours = model.train(X, y, { epochs: STEPS, batchSize: 0, shuffle: false }).loss;
      const theirs = await trajectory(reference);
      expect(worstRelativeGap(ours, theirs)).toBeLessThan(1e-4);
      expect(ours[STEPS - 1]!).toBeLessThan(ours[0]! * 0.95);
    });
  },
);
