import type { NeuralNetwork } from '@neunet/model';
import type { Tensor } from '@neunet/tensor';
import { IMAGE_LAYERS, imageLayerToTfjs, leakyReluAfter } from './tfjs-image.js';

/** One weight in a TensorFlow.js weights manifest. */
export interface TfjsWeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/**
 * A model in the TensorFlow.js layers format, shaped as tfjs's `ModelArtifacts`: hand it
 * to `tf.loadLayersModel({ load: async () => artifacts })`, or write `tfjsModelJson(...)`
 * as model.json next to `weightData` as the weights file.
 */
export interface TfjsArtifacts {
  modelTopology: TfjsTopology;
  weightSpecs: TfjsWeightSpec[];
  weightData: ArrayBuffer;
  format: 'layers-model';
  generatedBy: string;
  convertedBy: null;
}

export interface TfjsLayerConfig {
  class_name: string;
  config: Record<string, unknown>;
}

export interface TfjsTopology {
  class_name: 'Sequential';
  config: { name: string; layers: TfjsLayerConfig[] };
  keras_version: string;
  backend: 'tensor_flow.js';
}

const ACTIVATIONS: Record<string, string> = {
  ReLU: 'relu',
  Sigmoid: 'sigmoid',
  Tanh: 'tanh',
  Softmax: 'softmax',
  Linear: 'linear',
};

/**
 * The model as a tfjs Sequential layers model. Dense and Conv2D become Dense and Conv2D
 * (with their fused activation, if any; a fused LeakyReLU as a LeakyReLU layer after),
 * each activation an Activation layer (LeakyReLU its own layer), the poolings,
 * BatchNormalization, Dropout, Flatten and Reshape their tfjs layers, found by config type
 * and the tensors' names. tfjs's Dense and BatchNormalization act on the last axis as
 * NeuNet's do and its images are NHWC with kernels [kh, kw, inChannels, filters], so
 * everything exports as it is. A layer tfjs cannot run (a Conv2D with both strides and
 * dilation above 1) or has no counterpart for throws, naming it.
 */
export function exportTfjs(model: NeuralNetwork): TfjsArtifacts {
  const inputShape = model.inputShape;
  if (model.layers.length === 0 || inputShape === undefined) {
    throw new Error('exportTfjs: the model has no layers or no known input shape');
  }
  let shape = inputShape;
  const layers: TfjsLayerConfig[] = [];
  const specs: TfjsWeightSpec[] = [];
  const chunks: Float32Array[] = [];
  const weight = (name: string, tensor: Tensor) => {
    specs.push({ name, shape: [...tensor.shape], dtype: 'float32' });
    chunks.push(tensor.data);
  };
  model.layers.forEach((layer, i) => {
    const config = layer.getConfig();
    const name = `${config.type.toLowerCase()}_${i + 1}`;
    const base: Record<string, unknown> = { name, trainable: true, dtype: 'float32' };
    if (i === 0) base.batch_input_shape = [null, ...inputShape];
    shape = layer.computeOutputShape(shape);
    const find = (list: { name: string; value: Tensor }[], key: string) => {
      const found = list.find((t) => t.name === key);
      if (!found) throw new Error(`exportTfjs: layer ${i + 1} (${config.type}) has no '${key}'`);
      return found.value;
    };
    if (config.type === 'Dense') {
      const params = layer.params();
      const kernel = find(params, 'weights');
      // A fused LeakyReLU has no tfjs activation string: it becomes a LeakyReLU layer after.
      const fused = (config.activation as string | undefined) ?? 'linear';
      const activation = fused === 'leakyRelu' ? 'linear' : fused;
      layers.push({
        class_name: 'Dense',
        config: { ...base, units: kernel.shape[1], activation, use_bias: true },
      });
      weight(`${name}/kernel`, kernel);
      weight(`${name}/bias`, find(params, 'bias'));
      if (fused === 'leakyRelu') layers.push(leakyReluAfter(name, config.alpha));
    } else if (IMAGE_LAYERS.includes(config.type)) {
      layers.push(
        ...imageLayerToTfjs(layer, { ...base, name }, `layer ${i + 1} (${config.type})`, weight),
      );
    } else if (ACTIVATIONS[config.type]) {
      layers.push({
        class_name: 'Activation',
        config: { ...base, activation: ACTIVATIONS[config.type] },
      });
    } else if (config.type === 'LeakyReLU') {
      layers.push({ class_name: 'LeakyReLU', config: { ...base, alpha: config.alpha } });
    } else if (config.type === 'Dropout') {
      layers.push({ class_name: 'Dropout', config: { ...base, rate: config.rate } });
    } else if (config.type === 'Flatten') {
      layers.push({ class_name: 'Flatten', config: base });
    } else if (config.type === 'Reshape') {
      layers.push({ class_name: 'Reshape', config: { ...base, target_shape: [...shape] } });
    } else if (config.type === 'BatchNormalization') {
      layers.push({
        class_name: 'BatchNormalization',
        config: {
          ...base,
          axis: -1,
          momentum: config.momentum,
          epsilon: config.epsilon,
          center: true,
          scale: true,
        },
      });
      const params = layer.params();
      const buffers = layer.buffers?.() ?? [];
      weight(`${name}/gamma`, find(params, 'gamma'));
      weight(`${name}/beta`, find(params, 'beta'));
      weight(`${name}/moving_mean`, find(buffers, 'runningMean'));
      weight(`${name}/moving_variance`, find(buffers, 'runningVar'));
    } else {
      throw new Error(
        `exportTfjs: layer ${i + 1} (${config.type}) has no TensorFlow.js form; supported: Dense, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, ReLU, LeakyReLU, Sigmoid, Tanh, Softmax, Linear, BatchNormalization, Dropout, Flatten, Reshape`,
      );
    }
  });
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const data = new Float32Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  return {
    modelTopology: {
      class_name: 'Sequential',
      config: { name: 'neunet', layers },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    weightSpecs: specs,
    weightData: data.buffer,
    format: 'layers-model',
    generatedBy: 'NeuNet',
    convertedBy: null,
  };
}

/** The model.json that goes with `artifacts.weightData` saved as `weightsPath`. */
export function tfjsModelJson(artifacts: TfjsArtifacts, weightsPath = 'weights.bin') {
  const { modelTopology, weightSpecs, format, generatedBy, convertedBy } = artifacts;
  return {
    modelTopology,
    weightsManifest: [{ paths: [weightsPath], weights: weightSpecs }],
    format,
    generatedBy,
    convertedBy,
  };
}
