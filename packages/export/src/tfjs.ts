import {
  Dense,
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
      if (fused === 'leakyRelu') {
        layers.push({
          class_name: 'LeakyReLU',
          config: {
            name: `${name}_leakyrelu`,
            trainable: true,
            dtype: 'float32',
            alpha: config.alpha,
          },
        });
      }
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
      throw new Error(`exportTfjs: layer ${i + 1} (${config.type}) has no TensorFlow.js form`);
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

  const buffers = Array.isArray(artifacts.weightData)
    ? artifacts.weightData
    : [artifacts.weightData];
  const joined = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of buffers) {
    joined.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  const values = new Map<string, Float32Array>();
  let offset = 0;
  for (const spec of artifacts.weightSpecs) {
    if ((spec.dtype ?? 'float32') !== 'float32') {
      throw new Error(
        `${where}: weight '${spec.name}' is ${spec.dtype}; only float32 weights are read`,
      );
    }
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if ((offset + size) * 4 > joined.length) {
      throw new Error(`${where}: the weight data ends before weight '${spec.name}'`);
    }
    values.set(spec.name, new Float32Array(joined.buffer.slice(offset * 4, (offset + size) * 4)));
    offset += size;
  }

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
        model.add(new Flatten());
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
          `${where}: ${at} is not supported; expected Dense, Activation, LeakyReLU, Flatten or Reshape layers`,
        );
    }
  });
  return model;
}

function findWeight(
  values: Map<string, Float32Array>,
  name: string,
  shape: number[],
  where: string,
): Float32Array {
  // Keras names weights 'dense/kernel:0' or nests them under the model's name; match the tail.
  const key = [...values.keys()].find(
    (k) => k === name || k.replace(/:0$/, '').endsWith(`/${name}`) || k.replace(/:0$/, '') === name,
  );
  const found = key === undefined ? undefined : values.get(key);
  if (!found) throw new Error(`${where}: no weight '${name}' in the weight specs`);
  const size = shape.reduce((a, b) => a * b, 1);
  if (found.length !== size) {
    throw new Error(
      `${where}: weight '${name}' has ${found.length} values, expected [${shape.join(', ')}]`,
    );
  }
  return found;
}
