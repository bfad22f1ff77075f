import { createData } from '@neunet/datasets';
import { Dense, LeakyReLU, Linear, Tanh } from '@neunet/layers';
import { MeanSquaredError } from '@neunet/losses';
import { NeuralNetwork } from '@neunet/model';
import { Tensor } from '@neunet/tensor';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedNetwork } from '../test/test-networks.js';
import { exportTfjs, tfjsModelJson } from './tfjs.js';
import { importTfjs, type TfjsModelInput } from './tfjs-import.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function tfPredict(model: tf.LayersModel, X: Tensor): Promise<Float32Array> {
  const out = model.predict(tf.tensor2d(X.data, [X.rows, X.cols])) as tf.Tensor;
  return (await out.data()) as Float32Array;
}

const gap = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  return Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!)));
};

describe('TensorFlow.js layers format', () => {
  it("exports the seed's example for tf.loadLayersModel, predicting within 1e-5", async () => {
    const { X, y } = createData({ samples: 100, classes: 3, seed: 0 });
    const model = seedNetwork(42);
    // Trained only so that the weights and BatchNormalization's statistics are not initial.
    model.train(X, y, { epochs: 4 });
    const artifacts = exportTfjs(model);
    const loaded = await tf.loadLayersModel({ load: async () => artifacts });
    const worst = gap(await tfPredict(loaded, X), model.predictProba(X).data);
    console.log(`tfjs seed example: worst |tf − predictProba| = ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-5);
  });

  it('writes model.json + weights that read back as files would, for a regression net with fused activations', async () => {
    const X = new Tensor(Array.from({ length: 40 }, (_, i) => [i / 20 - 1]));
    const target = new Tensor(Array.from({ length: 40 }, (_, i) => [Math.sin(3 * (i / 20 - 1))]));
    const model = new NeuralNetwork({ seed: 2, learningRate: 0.01 })
      .add(new Dense(1, 12))
      .add(new Tanh())
      .add(new Dense(12, 12, { activation: 'leakyRelu', alpha: 0.1 }))
      .add(new Dense(12, 12, { activation: 'relu' }))
      .add(new Dense(12, 12))
      .add(new LeakyReLU(0.2))
      .add(new Dense(12, 1))
      .add(new Linear())
      .setLoss(new MeanSquaredError());
    model.train(X, target, { epochs: 40, batchSize: 8 });
    const artifacts = exportTfjs(model);
    // What a file server would hand back: the JSON text and the weights file's bytes.
    const json = JSON.parse(JSON.stringify(tfjsModelJson(artifacts, 'group1.bin')));
    const file = new Uint8Array(artifacts.weightData).slice();
    expect(json.weightsManifest[0].paths).toEqual(['group1.bin']);
    const loaded = await tf.loadLayersModel({
      load: async () => ({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: file.buffer,
      }),
    });
    expect(gap(await tfPredict(loaded, X), model.predictProba(X).data)).toBeLessThan(1e-5);
  });

  it('imports a tfjs Sequential Dense model and predicts as tfjs does', async () => {
    const reference = tf.sequential();
    reference.add(tf.layers.dense({ inputShape: [4], units: 10, activation: 'relu' }));
    reference.add(tf.layers.dense({ units: 6, activation: 'tanh' }));
    reference.add(tf.layers.dense({ units: 6 }));
    reference.add(tf.layers.leakyReLU({ alpha: 0.1 }));
    reference.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
    let saved: TfjsModelInput | undefined;
    await reference.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts as TfjsModelInput;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const model = importTfjs(saved!);
    expect(model.layers.map((l) => l.getConfig().type)).toEqual([
      'Dense',
      'ReLU',
      'Dense',
      'Tanh',
      'Dense',
      'LeakyReLU',
      'Dense',
      'Softmax',
    ]);
    const X = new Tensor(
      Array.from({ length: 25 }, (_, i) => [Math.sin(i), Math.cos(i), i / 25, 1 - i / 12]),
    );
    const worst = gap(model.predictProba(X).data, await tfPredict(reference, X));
    console.log(`tfjs import: worst |NeuNet − tf| = ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-5);
  });

  it('round-trips export then import, with and without BatchNormalization and Dropout, and names what it cannot read', () => {
    const { X, y } = createData({ samples: 30, classes: 3, seed: 1 });
    for (const regularized of [false, true]) {
      const model = seedNetwork(1, regularized);
      // Trained so that BatchNormalization's statistics are not the initial ones.
      model.train(X, y, { epochs: 2, batchSize: 10 });
      const back = importTfjs(exportTfjs(model));
      // The layers format holds no per-layer optimizer settings: the rest comes back.
      const configs = (m: NeuralNetwork) =>
        m.layers.map((l) => {
          const { optimizer: _o, learningRate: _l, ...rest } = l.getConfig();
          return rest;
        });
      expect(configs(back)).toEqual(configs(model));
      expect(back.predictProba(X).data).toEqual(model.predictProba(X).data);
    }
    const conv1d = exportTfjs(seedNetwork(1, false));
    conv1d.modelTopology.config.layers[1]!.class_name = 'Conv1D';
    expect(() => importTfjs(conv1d)).toThrow(
      /layer 2 \(Conv1D 'relu_2'\) is not supported; supported: Dense, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, Activation, LeakyReLU, BatchNormalization, Dropout, Flatten, Reshape, InputLayer/,
    );
    expect(() =>
      importTfjs({
        modelTopology: { class_name: 'Model' },
        weightSpecs: [],
        weightData: new ArrayBuffer(0),
      }),
    ).toThrow(/expected a Sequential model, got "Model"/);
  });
});
