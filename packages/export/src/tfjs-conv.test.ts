import { Conv2D } from '@neunet/layers';
import { NeuralNetwork } from '@neunet/model';
import type { Tensor } from '@neunet/tensor';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  everyImageLayerNetwork,
  imageOutputNetwork,
  lenet,
  mnistShaped,
  normalSamples,
} from '../test/test-conv-networks.js';
import { exportTfjs, type TfjsArtifacts } from './tfjs.js';
import { importTfjs, type TfjsModelInput } from './tfjs-import.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function tfPredict(model: tf.LayersModel, X: Tensor): Promise<Float32Array> {
  const out = model.predict(tf.tensor(X.data, [...X.shape])) as tf.Tensor;
  expect(out.shape).toEqual([
    ...X.shape.slice(0, 1),
    ...(model.outputs[0]!.shape.slice(1) as number[]),
  ]);
  return (await out.data()) as Float32Array;
}

const gap = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};

/**
 * Layer configs without the per-layer optimizer settings, which the format does not hold,
 * and the first layer's inputShape, which comes back as the model's.
 */
const configs = (m: NeuralNetwork) =>
  m.layers.map((l) => {
    const { optimizer: _o, learningRate: _l, inputShape: _i, ...rest } = l.getConfig();
    return rest;
  });

const artifactsCopy = (a: TfjsArtifacts): TfjsArtifacts => ({
  ...a,
  modelTopology: JSON.parse(JSON.stringify(a.modelTopology)),
});

/** What a network is, how to make it and its samples, and the layers importTfjs gives back. */
const networks: [string, () => NeuralNetwork, () => Tensor, string][] = [
  [
    'the LeNet-style MNIST CNN (trained)',
    () => lenet(7),
    () => mnistShaped(64, 8),
    'Conv2D MaxPooling2D Conv2D MaxPooling2D Flatten Dense Softmax',
  ],
  [
    "a net of every image option ('same' odd pads, strides, dilation, no bias, avg pool 'same', global pool, Reshape, BatchNormalization)",
    () => everyImageLayerNetwork(3),
    () => normalSamples([16, 9, 11, 3], 4),
    // tfjs has no 'leakyRelu' activation, and Dense's activation comes back as a layer.
    'Conv2D BatchNormalization Conv2D LeakyReLU AveragePooling2D MaxPooling2D Softmax Reshape ' +
      'Dense ReLU Reshape Dense Conv2D Dense Tanh GlobalAveragePooling2D Dense Softmax',
  ],
  [
    'a net whose output is an image',
    () => imageOutputNetwork(5),
    () => normalSamples([9, 48], 6),
    'Reshape Conv2D AveragePooling2D',
  ],
];

describe('TensorFlow.js layers format of conv nets', () => {
  for (const [what, make, samples, imported] of networks) {
    it(`${what}: tf.loadLayersModel predicts within 1e-5, and importTfjs gives it back exactly`, async () => {
      const model = make();
      const X = samples();
      const artifacts = exportTfjs(model);
      const loaded = await tf.loadLayersModel({ load: async () => artifacts });
      const ours = model.predictProba(X).data;
      const worst = gap(await tfPredict(loaded, X), ours);
      console.log(`tfjs export, ${what}: worst |tf − predictProba| = ${worst.toExponential(2)}`);
      expect(worst).toBeLessThan(1e-5);

      const back = importTfjs(artifacts);
      expect(back.inputShape).toEqual(model.inputShape);
      expect(back.layers.map((l) => l.getConfig().type).join(' ')).toBe(imported);
      expect(back.predictProba(X).data).toEqual(ours);
    });
  }

  it('writes Keras class names and config keys, kernels [kh, kw, cIn, cOut] unchanged', () => {
    const model = lenet(7);
    const { modelTopology, weightSpecs, weightData } = exportTfjs(model);
    const [conv, pool, , , flatten] = modelTopology.config.layers;
    expect(modelTopology.config.layers.map((l) => l.class_name)).toEqual([
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'MaxPooling2D',
      'Flatten',
      'Dense',
      'Activation',
    ]);
    expect(conv!.config).toEqual({
      name: 'conv2d_1',
      trainable: true,
      dtype: 'float32',
      batch_input_shape: [null, 28, 28, 1],
      data_format: 'channels_last',
      filters: 8,
      kernel_size: [5, 5],
      strides: [1, 1],
      padding: 'valid',
      dilation_rate: [1, 1],
      activation: 'relu',
      use_bias: true,
      kernel_regularizer: null,
      bias_regularizer: null,
    });
    expect(pool!.config).toEqual({
      name: 'maxpooling2d_2',
      trainable: true,
      dtype: 'float32',
      data_format: 'channels_last',
      pool_size: [2, 2],
      strides: [2, 2],
      padding: 'valid',
    });
    expect(flatten!.config).toEqual({ name: 'flatten_5', trainable: true, dtype: 'float32' });
    expect(weightSpecs.map((s) => [s.name, s.shape])).toEqual([
      ['conv2d_1/kernel', [5, 5, 1, 8]],
      ['conv2d_1/bias', [8]],
      ['conv2d_3/kernel', [5, 5, 8, 16]],
      ['conv2d_3/bias', [16]],
      ['dense_6/kernel', [256, 10]],
      ['dense_6/bias', [10]],
    ]);
    expect(configs(importTfjs(exportTfjs(model)))).toEqual(configs(model));
    const kernel = (model.layers[2] as Conv2D).kernel.value.data;
    expect(new Float32Array(weightData, (200 + 8) * 4, kernel.length)).toEqual(kernel);
  });

  it('imports a conv net built in TensorFlow.js and predicts as tfjs does', async () => {
    const reference = tf.sequential({
      layers: [
        tf.layers.conv2d({
          inputShape: [10, 9, 2],
          filters: 4,
          kernelSize: [3, 2],
          strides: [2, 1],
          padding: 'same',
          activation: 'relu',
        }),
        tf.layers.batchNormalization({ epsilon: 1e-3 }),
        tf.layers.maxPooling2d({ poolSize: 2, strides: 1, padding: 'same' }),
        tf.layers.conv2d({
          filters: 3,
          kernelSize: 3,
          dilationRate: 2,
          padding: 'same',
          useBias: false,
          activation: 'softmax',
        }),
        tf.layers.averagePooling2d({ poolSize: 2, padding: 'same' }),
        tf.layers.dropout({ rate: 0.25 }),
        tf.layers.conv2d({ filters: 5, kernelSize: 1, activation: 'tanh' }),
        tf.layers.globalAveragePooling2d({}),
        tf.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    });
    // Statistics and biases away from their initial values, so that each is exercised.
    for (const layer of reference.layers) {
      layer.setWeights(
        layer.getWeights().map((w, k) => {
          const name = layer.weights[k]!.name;
          if (name.includes('kernel')) return w;
          const values = normalSamples([w.size], k + 1, 0.3).data;
          if (/variance|gamma/.test(name)) {
            for (let j = 0; j < values.length; j++) values[j] = 0.5 + values[j]! ** 2;
          }
          return tf.tensor(values, w.shape);
        }),
      );
    }
    let saved: TfjsModelInput | undefined;
    await reference.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts as TfjsModelInput;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const model = importTfjs(saved!);
    expect(model.layers.map((l) => l.getConfig().type)).toEqual([
      'Conv2D',
      'BatchNormalization',
      'MaxPooling2D',
      'Conv2D',
      'Softmax',
      'AveragePooling2D',
      'Dropout',
      'Conv2D',
      'GlobalAveragePooling2D',
      'Dense',
      'Softmax',
    ]);
    const X = normalSamples([12, 10, 9, 2], 9);
    const worst = gap(model.predictProba(X).data, await tfPredict(reference, X));
    console.log(`tfjs import of a conv net: worst |NeuNet − tf| = ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-5);
  });

  it('names what it cannot export or import, and why', () => {
    const strided = new NeuralNetwork({ seed: 1, inputShape: [9, 9, 1] }).add(
      new Conv2D({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 }),
    );
    expect(() => exportTfjs(strided)).toThrow(
      /exportTfjs: layer 1 \(Conv2D\) has strides \[2, 2\] and dilationRate \[2, 2\]; TensorFlow.js convolves with strides or dilation above 1, not both/,
    );

    const good = exportTfjs(lenet(7));
    const broken = (
      change: (layers: { class_name: string; config: Record<string, unknown> }[]) => void,
    ) => {
      const copy = artifactsCopy(good);
      change(copy.modelTopology.config.layers);
      return () => importTfjs(copy);
    };
    expect(
      broken((l) => {
        l[0]!.config.data_format = 'channels_first';
      }),
    ).toThrow(
      /importTfjs: layer 1 \(Conv2D 'conv2d_1'\): data_format "channels_first" is not supported; NeuNet's images are 'channels_last' \(NHWC\)/,
    );
    expect(
      broken((l) => {
        l[2]!.config.groups = 2;
      }),
    ).toThrow(/layer 3 \(Conv2D 'conv2d_3'\): groups 2 is not supported/);
    expect(
      broken((l) => {
        l[2]!.config.activation = 'elu';
      }),
    ).toThrow(
      /layer 3 \(Conv2D 'conv2d_3'\): activation "elu" is not supported; expected linear, relu/,
    );
    expect(
      broken((l) => {
        l[0]!.config.padding = 'causal';
      }),
    ).toThrow(
      /layer 1 \(Conv2D 'conv2d_1'\): Conv2D: padding must be 'valid' or 'same', got "causal"/,
    );
    expect(
      broken((l) => {
        l[1]!.config.pool_size = [30, 30];
      }),
    ).toThrow(
      /layer 2 \(MaxPooling2D 'maxpooling2d_2'\): .*the 30×30 pooling window is larger than the 24×24 input/,
    );
    expect(
      broken((l) => {
        l[4]!.config.data_format = 'channels_first';
      }),
    ).toThrow(/layer 5 \(Flatten 'flatten_5'\): data_format "channels_first" is not supported/);
    expect(
      broken((l) => {
        l.splice(2, 0, {
          class_name: 'BatchNormalization',
          config: { name: 'bn', axis: 1 },
        });
      }),
    ).toThrow(
      /layer 3 \(BatchNormalization 'bn'\): axis 1 is not supported; NeuNet's BatchNormalization normalises the last axis \(-1 or 3 here\)/,
    );
    expect(
      broken((l) => {
        l.splice(4, 0, {
          class_name: 'GlobalAveragePooling2D',
          config: { name: 'gap', keepdims: true },
        });
      }),
    ).toThrow(/layer 5 \(GlobalAveragePooling2D 'gap'\): keepdims true is not supported/);
    expect(
      broken((l) => {
        l.splice(1, 0, {
          class_name: 'Dropout',
          config: { name: 'drop', rate: 0.5, noise_shape: [null, 1, 1, 8] },
        });
      }),
    ).toThrow(/layer 2 \(Dropout 'drop'\): noise_shape \[null,1,1,8\] is not supported/);
  });
});
