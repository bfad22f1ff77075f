import { Dense, Flatten, LeakyReLU, Reshape, Softmax, Tanh } from '@neunet/layers';
import { NeuralNetwork } from '@neunet/model';
import { BatchNormalization } from '@neunet/regularization';
import { Rng, Tensor } from '@neunet/tensor';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportOnnx } from './onnx.js';
import { exportTfjs } from './tfjs.js';
import { importTfjs } from './tfjs-import.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Per feature of the last axis: [time, features] → Dense → BatchNormalization → Softmax. */
function sequenceNetwork(): NeuralNetwork {
  const norm = new BatchNormalization({ epsilon: 1e-3 });
  const model = new NeuralNetwork({ seed: 3, inputShape: [4, 3] })
    .add(new Dense({ units: 6, activation: 'relu' }))
    .add(norm)
    .add(new LeakyReLU(0.1))
    .add(new Dense({ units: 5 }))
    .add(new Softmax());
  // Statistics and affine away from the identity, so that the normalisation is exercised.
  const [gamma, beta] = norm.params();
  const [mean, variance] = norm.buffers();
  for (let j = 0; j < 6; j++) {
    gamma!.value.data[j] = 0.5 + j / 6;
    beta!.value.data[j] = Math.cos(j) / 4;
    mean!.value.data[j] = Math.sin(j) / 2;
    variance!.value.data[j] = 0.25 + j / 4;
  }
  return model;
}

/** [2, 3, 2] images → Flatten → Dense → Reshape → Dense on the last axis. */
function reshapingNetwork(): NeuralNetwork {
  return new NeuralNetwork({ seed: 4, inputShape: [2, 3, 2] })
    .add(new Flatten())
    .add(new Dense(12, 6))
    .add(new Reshape([2, -1]))
    .add(new Tanh())
    .add(new Dense({ units: 2, activation: 'sigmoid' }));
}

function samples(shape: number[], seed: number): Tensor {
  const rng = new Rng(seed);
  const x = Tensor.zeros(shape);
  for (let i = 0; i < x.size; i++) x.data[i] = rng.normal();
  return x;
}

const worst = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  return Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!)));
};

describe('exporting models whose samples have several axes', () => {
  for (const [what, make, shape, output] of [
    [
      '[time, features] with BatchNormalization and Softmax on the last axis',
      sequenceNetwork,
      [4, 3],
      [4, 5],
    ],
    ['Flatten and Reshape', reshapingNetwork, [2, 3, 2], [2, 2]],
  ] as const) {
    it(`ONNX, ${what}: onnxruntime reads the declared shapes and predicts within 1e-5`, async () => {
      const model = make();
      const session = await ort.InferenceSession.create(exportOnnx(model));
      expect(session.inputMetadata).toMatchObject([{ name: 'input', shape: ['batch', ...shape] }]);
      expect(session.outputMetadata).toMatchObject([
        { name: 'output', shape: ['batch', ...output] },
      ]);
      const X = samples([7, ...shape], 1);
      const result = await session.run({ input: new ort.Tensor('float32', X.data, X.shape) });
      expect(result.output!.dims).toEqual([7, ...output]);
      const ours = model.predictProba(X);
      expect(worst(result.output!.data as Float32Array, ours.data)).toBeLessThan(1e-5);
    });

    it(`TensorFlow.js, ${what}: tf.loadLayersModel predicts within 1e-5, and it imports back`, async () => {
      const model = make();
      const artifacts = exportTfjs(model);
      const loaded = await tf.loadLayersModel({ load: async () => artifacts });
      const X = samples([7, ...shape], 2);
      const theirs = loaded.predict(tf.tensor(X.data, [...X.shape])) as tf.Tensor;
      expect(theirs.shape).toEqual([7, ...output]);
      const ours = model.predictProba(X);
      expect(worst((await theirs.data()) as Float32Array, ours.data)).toBeLessThan(1e-5);
      if (make === reshapingNetwork) {
        const back = importTfjs(artifacts);
        expect(back.inputShape).toEqual(shape);
        expect(back.predictProba(X).data).toEqual(ours.data);
      }
    });
  }
});
