import { Conv2D, Dense, Flatten, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { NeuralNetwork } from '@neunet/model';
import { l1, l1l2, l2 } from '@neunet/regularization';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalSamples } from '../test/test-conv-networks.js';
import { exportTfjs } from './tfjs.js';
import { importTfjs } from './tfjs-import.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const X = normalSamples([12, 6, 6, 2], 3);
const y = Int32Array.from({ length: 12 }, (_, i) => i % 3);

/** A conv net with every regularizer class on kernels and biases, trained so biases are not 0. */
function regularizedNetwork(): NeuralNetwork {
  const model = new NeuralNetwork({ seed: 4, optimizer: 'adam', learningRate: 0.01 })
    .add(
      new Conv2D({
        filters: 4,
        kernelSize: 3,
        activation: 'relu',
        inputShape: [6, 6, 2],
        kernelRegularizer: l1l2({ l1: 1e-3, l2: 2e-2 }),
        biasRegularizer: l1(0.03),
      }),
    )
    .add(new Flatten())
    .add(new Dense({ units: 3, kernelRegularizer: l2(0.05) }))
    .add(new Dense({ units: 3, biasRegularizer: l2(0.5) }))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());
  model.train(X, y, { epochs: 3, batchSize: 4 });
  return model;
}

const regularizers = (m: NeuralNetwork) =>
  m.layers.map((l) => {
    const { kernelRegularizer, biasRegularizer } = l.getConfig();
    return { kernelRegularizer, biasRegularizer };
  });

/** tfjs's regularizer on a layer, as its getConfig() gives it (l1 and l2). */
function tfjsRegularizer(layer: tf.layers.Layer, key: 'kernelRegularizer' | 'biasRegularizer') {
  const config = layer.getConfig()[key] as { className: string; config: object } | null;
  return config && { className: config.className, ...config.config };
}

describe('kernel and bias regularizers in the TensorFlow.js layers format', () => {
  it('export as L1L2 that tf.loadLayersModel reads, predicting within 1e-5', async () => {
    const model = regularizedNetwork();
    const loaded = await tf.loadLayersModel({ load: async () => exportTfjs(model) });
    const [conv, , dense1, dense2] = loaded.layers;
    expect(tfjsRegularizer(conv!, 'kernelRegularizer')).toEqual({
      className: 'L1L2',
      l1: 1e-3,
      l2: 2e-2,
    });
    expect(tfjsRegularizer(conv!, 'biasRegularizer')).toEqual({
      className: 'L1L2',
      l1: 0.03,
      l2: 0,
    });
    expect(tfjsRegularizer(dense1!, 'kernelRegularizer')).toEqual({
      className: 'L1L2',
      l1: 0,
      l2: 0.05,
    });
    expect(tfjsRegularizer(dense1!, 'biasRegularizer')).toBeNull();
    expect(tfjsRegularizer(dense2!, 'kernelRegularizer')).toBeNull();
    expect(tfjsRegularizer(dense2!, 'biasRegularizer')).toEqual({
      className: 'L1L2',
      l1: 0,
      l2: 0.5,
    });
    const out = loaded.predict(tf.tensor(X.data, [...X.shape])) as tf.Tensor;
    const ours = model.predictProba(X).data;
    const theirs = await out.data();
    expect(theirs.length).toBe(ours.length);
    expect(Math.max(...Array.from(ours, (v, i) => Math.abs(v - theirs[i]!)))).toBeLessThan(1e-5);
  });

  it('import back as the l1, l2 and l1l2 they were, with the same penalised loss', () => {
    const model = regularizedNetwork();
    const back = importTfjs(exportTfjs(model)).setLoss(new CategoricalCrossentropy());
    expect(regularizers(model)[0]).toEqual({
      kernelRegularizer: { className: 'L1L2', config: { l1: 1e-3, l2: 2e-2 } },
      biasRegularizer: { className: 'L1', config: { l1: 0.03 } },
    });
    expect(regularizers(back)).toEqual(regularizers(model));
    const { loss } = model.evaluate(X, y);
    expect(back.evaluate(X, y).loss).toBe(loss);
    // The penalty is part of it: the same weights without regularizers lose less.
    const bare = importTfjs(stripped(exportTfjs(model))).setLoss(new CategoricalCrossentropy());
    expect(bare.evaluate(X, y).loss).toBeLessThan(loss - 0.01);
  });

  it("reads Keras's L1 and L2 classes, and refuses another class naming the layer and the class", () => {
    const artifacts = exportTfjs(regularizedNetwork());
    const [conv, , dense] = artifacts.modelTopology.config.layers;
    conv!.config.kernel_regularizer = { class_name: 'L2', config: { l2: 0.25 } };
    conv!.config.bias_regularizer = { class_name: 'L1', config: { l1: 0.125 } };
    expect(regularizers(importTfjs(artifacts))[0]).toEqual({
      kernelRegularizer: { className: 'L2', config: { l2: 0.25 } },
      biasRegularizer: { className: 'L1', config: { l1: 0.125 } },
    });
    dense!.config.kernel_regularizer = {
      class_name: 'OrthogonalRegularizer',
      config: { factor: 0.01, mode: 'rows' },
    };
    expect(() => importTfjs(artifacts)).toThrow(
      'importTfjs: layer 3 (Dense \'dense_3\'): kernel_regularizer class "OrthogonalRegularizer" is not supported; supported: L1L2, L1, L2',
    );
    dense!.config.kernel_regularizer = { class_name: 'L1L2', config: { l1: 0, l2: -1 } };
    expect(() => importTfjs(artifacts)).toThrow(
      "importTfjs: layer 3 (Dense 'dense_3'): kernel_regularizer L1L2: l2 must be a finite number >= 0, got -1",
    );
  });

  it('refuses to export a regularizer class of your own, which TensorFlow.js could not build', () => {
    const mine = {
      penalty: () => 0,
      addGradient() {},
      getConfig: () => ({ className: 'Mine', config: {} }),
    };
    const model = new NeuralNetwork().add(new Dense(2, 2, { kernelRegularizer: mine }));
    expect(() => exportTfjs(model)).toThrow(
      'exportTfjs: layer 1 (Dense) has kernelRegularizer "Mine", which TensorFlow.js cannot read; supported: L1, L2, L1L2 (from @neunet/regularization)',
    );
  });
});

/** The artifacts with every layer's regularizers taken out. */
function stripped(artifacts: ReturnType<typeof exportTfjs>) {
  for (const layer of artifacts.modelTopology.config.layers) {
    layer.config.kernel_regularizer = null;
    layer.config.bias_regularizer = null;
  }
  return artifacts;
}
