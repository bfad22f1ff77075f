import { Dense, type Layer, type LayerConfig } from '@neunet/layers';
import { NeuralNetwork } from '@neunet/model';
import { type Shape, Tensor } from '@neunet/tensor';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalSamples } from '../test/test-conv-networks.js';
import {
  exportOnnx,
  exportTfjs,
  importTfjs,
  type LayerTranslator,
  registerTranslator,
} from './index.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A user's own layer: ELU, x for x > 0, e^x − 1 otherwise (inference only). */
class Elu implements Layer {
  computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }
  build(): void {}
  params() {
    return [];
  }
  forward(x: Tensor): Tensor {
    return new Tensor(
      x.data.map((v) => (v > 0 ? v : Math.expm1(v))),
      x.shape,
    );
  }
  backward(dy: Tensor): Tensor {
    return dy;
  }
  getConfig(): LayerConfig {
    return { type: 'TestELU' };
  }
}

/** Its translator: ONNX's Elu, tfjs's ELU layer (whose alpha must be 1). */
const eluTranslator: LayerTranslator = {
  types: ['TestELU'],
  tfjsClassNames: ['ELU'],
  toOnnx: ({ name, input }) => [
    // Attribute type 1: AttributeProto FLOAT.
    {
      opType: 'Elu',
      name,
      input: [input],
      output: [`${name}_out`],
      attribute: [{ name: 'alpha', type: 1, f: 1 }],
    },
  ],
  toTfjs: ({ base }) => [{ class_name: 'ELU', config: { ...base, alpha: 1 } }],
  fromTfjs: () => [{ layer: new Elu() }],
};

const network = () =>
  new NeuralNetwork({ seed: 8, inputShape: [3] })
    .add(new Dense({ units: 5 }))
    .add(new Elu())
    .add(new Dense({ units: 2 }));

const gap = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  return Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!)));
};

describe('one translator per layer type, looked up by type', () => {
  it('names an untranslated layer type and every supported one, in each direction', () => {
    const builtIn =
      'Dense, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, ReLU, Sigmoid, Tanh, Linear, Softmax, LeakyReLU, BatchNormalization, Dropout, Flatten, Reshape';
    expect(() => exportOnnx(network())).toThrow(
      `exportOnnx: layer 2 (TestELU) has no ONNX form; supported: ${builtIn}`,
    );
    expect(() => exportTfjs(network())).toThrow(
      `exportTfjs: layer 2 (TestELU) has no TensorFlow.js form; supported: ${builtIn}`,
    );
    const artifacts = exportTfjs(new NeuralNetwork({ inputShape: [3] }).add(new Dense(3, 2)));
    artifacts.modelTopology.config.layers.push({ class_name: 'ELU', config: { name: 'elu' } });
    expect(() => importTfjs(artifacts)).toThrow(
      "importTfjs: layer 2 (ELU 'elu') is not supported; supported: Dense, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, Activation, LeakyReLU, BatchNormalization, Dropout, Flatten, Reshape, InputLayer",
    );
  });

  it('refuses a translator for a type that has one, registering none of its types', () => {
    expect(() => registerTranslator({ ...eluTranslator, types: ['TestELU', 'Dense'] })).toThrow(
      'registerTranslator: "Dense" already has a translator',
    );
    expect(() => exportOnnx(network())).toThrow(/layer 2 \(TestELU\) has no ONNX form/);
  });

  it("exports a user's layer type to ONNX and tfjs, and imports it back, once its translator is registered", async () => {
    registerTranslator(eluTranslator);
    const model = network();
    const X = normalSamples([9, 3], 3);
    const ours = model.predictProba(X).data;

    const session = await ort.InferenceSession.create(exportOnnx(model));
    const result = await session.run({ input: new ort.Tensor('float32', X.data, [9, 3]) });
    expect(gap(result.output!.data as Float32Array, ours)).toBeLessThan(1e-5);

    const artifacts = exportTfjs(model);
    expect(artifacts.modelTopology.config.layers.map((l) => l.class_name)).toEqual([
      'Dense',
      'ELU',
      'Dense',
    ]);
    const loaded = await tf.loadLayersModel({ load: async () => artifacts });
    const theirs = loaded.predict(tf.tensor(X.data, [9, 3])) as tf.Tensor;
    expect(gap((await theirs.data()) as Float32Array, ours)).toBeLessThan(1e-5);

    const back = importTfjs(artifacts);
    expect(back.layers.map((l) => l.getConfig().type)).toEqual(['Dense', 'TestELU', 'Dense']);
    expect(back.predictProba(X).data).toEqual(ours);
  });
});
