import {
  BatchNormalization,
  Dense,
  Dropout,
  Flatten,
  type Layer,
  LeakyReLU,
  Linear,
  ReLU,
  Reshape,
  Sigmoid,
  Softmax,
  Tanh,
} from '@neunet/layers';
import { NeuralNetwork } from '@neunet/model';
import type { Tensor } from '@neunet/tensor';
import {
  addImageLayerFromTfjs,
  IMAGE_LAYERS,
  imageLayerToTfjs,
  leakyReluAfter,
} from './tfjs-image.js';
import { findWeight, readWeights } from './tfjs-weights.js';

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
 * The model as a tfjs Sequential layers model. Dense becomes Dense (with its fused
 * activation, if any), each activation an Activation layer (LeakyReLU its own layer),
 * BatchNormalization, Dropout, Flatten and Reshape their tfjs layers, found by config type
 * and the tensors' names. tfjs's Dense and BatchNormalization act on the last axis as
 * NeuNet's do, so inputs of any rank export alike.
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

/** What `importTfjs` reads: tfjs `ModelArtifacts` (from a save handler or model.json + weights). */
export interface TfjsModelInput {
  modelTopology: unknown;
  weightSpecs: { name: string; shape: number[]; dtype?: string }[];
  weightData: ArrayBuffer | ArrayBuffer[];
}

/**
 * A NeuNet model from a tfjs (or Keras) Sequential model of Dense layers with built-in
 * activations, Activation, LeakyReLU, Flatten and Reshape layers (no Dropout or
 * BatchNormalization). The result has no loss yet.
 */
export function importTfjs(
  artifacts: TfjsModelInput,
  options: { seed?: number } = {},
): NeuralNetwork {
  const where = 'importTfjs';
  const topology = artifacts.modelTopology as {
    class_name?: unknown;
    config?: unknown;
    model_config?: unknown;
  };
  const root = (topology?.model_config ?? topology) as { class_name?: unknown; config?: unknown };
  if (root?.class_name !== 'Sequential') {
    throw new Error(
      `${where}: expected a Sequential model, got ${JSON.stringify(root?.class_name)}`,
    );
  }
  const config = root.config as { layers?: unknown } | unknown[];
  const layers = (Array.isArray(config) ? config : (config as { layers?: unknown })?.layers) as
    | TfjsLayerConfig[]
    | undefined;
  if (!Array.isArray(layers) || layers.length === 0)
    throw new Error(`${where}: the model has no layers`);

  const values = readWeights(artifacts, where);

  // A Sequential model carries its input shape on its first layer (or its InputLayer).
  const first = (layers[0]?.config ?? {}) as Record<string, unknown>;
  const batchShape = (first.batch_input_shape ?? first.batch_shape) as unknown[] | undefined;
  const model = new NeuralNetwork({
    seed: options.seed,
    inputShape: Array.isArray(batchShape) ? (batchShape.slice(1) as number[]) : undefined,
  });
  const activation = (name: unknown, at: string): Layer | undefined => {
    switch (name ?? 'linear') {
      case 'linear':
        return undefined;
      case 'relu':
        return new ReLU();
      case 'sigmoid':
        return new Sigmoid();
      case 'tanh':
        return new Tanh();
      case 'softmax':
        return new Softmax();
      default:
        throw new Error(`${where}: ${at}: activation ${JSON.stringify(name)} is not supported`);
    }
  };
  layers.forEach((layer, i) => {
    const c = layer.config ?? {};
    const at = `layer ${i + 1} (${layer.class_name} '${String(c.name)}')`;
    if (addImageLayerFromTfjs(model, layer, at, values)) return;
    switch (layer.class_name) {
      case 'InputLayer':
        return;
      case 'Dense': {
        if (model.inputShape === undefined)
          throw new Error(`${where}: ${at}: the input shape is unknown (no batch_input_shape)`);
        const units = c.units as number;
        const dense = new Dense({ units });
        // Added first: the model draws initial weights for a layer as it is added.
        model.add(dense);
        const width = dense.nIn!;
        const kernel = findWeight(values, `${String(c.name)}/kernel`, [width, units], where);
        dense.weights.value.data.set(kernel);
        if (c.use_bias !== false)
          dense.bias.value.data.set(findWeight(values, `${String(c.name)}/bias`, [units], where));
        else dense.bias.value.data.fill(0);
        const after = activation(c.activation, at);
        if (after) model.add(after);
        return;
      }
      case 'Flatten':
        if ((c.data_format ?? 'channels_last') !== 'channels_last') {
          throw new Error(
            `${where}: ${at}: data_format ${JSON.stringify(c.data_format)} is not supported; NeuNet flattens 'channels_last' (NHWC) images`,
          );
        }
        model.add(new Flatten());
        return;
      case 'Dropout':
        if (c.noise_shape != null) {
          throw new Error(
            `${where}: ${at}: noise_shape ${JSON.stringify(c.noise_shape)} is not supported; NeuNet's Dropout drops each value on its own`,
          );
        }
        model.add(new Dropout((c.rate as number | undefined) ?? 0));
        return;
      case 'BatchNormalization':
        addBatchNormalization(model, c, at, values);
        return;
      case 'Reshape':
        model.add(new Reshape(c.target_shape as number[]));
        return;
      case 'Activation': {
        const after = activation(c.activation, at) ?? new Linear();
        model.add(after);
        return;
      }
      case 'LeakyReLU':
        model.add(new LeakyReLU((c.alpha as number | undefined) ?? 0.3));
        return;
      default:
        throw new Error(
          `${where}: ${at} is not supported; expected Dense, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, Activation, LeakyReLU, BatchNormalization, Dropout, Flatten or Reshape layers`,
        );
    }
  });
  return model;
}

/** A Keras BatchNormalization over the last axis, with its weights, added to `model`. */
function addBatchNormalization(
  model: NeuralNetwork,
  c: Record<string, unknown>,
  at: string,
  values: Map<string, Float32Array>,
): void {
  const where = 'importTfjs';
  const shape = model.outputShape;
  if (shape === undefined) {
    throw new Error(`${where}: ${at}: the input shape is unknown (no batch_input_shape)`);
  }
  // Keras counts the batch axis: the last axis of [batch, ...shape] is shape.length.
  const axis = Array.isArray(c.axis) && c.axis.length === 1 ? c.axis[0] : (c.axis ?? -1);
  if (axis !== -1 && axis !== shape.length) {
    throw new Error(
      `${where}: ${at}: axis ${JSON.stringify(c.axis)} is not supported; NeuNet's BatchNormalization normalises the last axis (-1 or ${shape.length} here)`,
    );
  }
  // Keras's defaults, where the config leaves them out.
  const norm = new BatchNormalization({
    epsilon: (c.epsilon as number | undefined) ?? 1e-3,
    momentum: (c.momentum as number | undefined) ?? 0.99,
  });
  model.add(norm);
  const width = [shape.at(-1)!];
  const name = String(c.name);
  const [gamma, beta] = norm.params();
  const [mean, variance] = norm.buffers();
  if (c.scale !== false) gamma!.value.data.set(findWeight(values, `${name}/gamma`, width, where));
  else gamma!.value.data.fill(1);
  if (c.center !== false) beta!.value.data.set(findWeight(values, `${name}/beta`, width, where));
  else beta!.value.data.fill(0);
  mean!.value.data.set(findWeight(values, `${name}/moving_mean`, width, where));
  variance!.value.data.set(findWeight(values, `${name}/moving_variance`, width, where));
}
