import type { NeuralNetwork } from '@neunet/model';
import type { Tensor } from '@neunet/tensor';
import { translatorFor } from './translators/registry.js';
import type { TfjsExportContext } from './translators/translator.js';

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

/**
 * The model as a tfjs Sequential layers model. Dense and Conv2D become Dense and Conv2D
 * (with their fused activation, if any; a fused LeakyReLU as a LeakyReLU layer after;
 * their kernel and bias regularizers as Keras's L1L2),
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
  // Looked up first, so that a layer without a tfjs form is named before any work.
  const translators = model.layers.map((layer, i) => {
    const type = layer.getConfig().type;
    return translatorFor(type, 'toTfjs', `layer ${i + 1} (${type})`);
  });
  model.layers.forEach((layer, i) => {
    const config = layer.getConfig();
    const name = `${config.type.toLowerCase()}_${i + 1}`;
    const at = `layer ${i + 1} (${config.type})`;
    const base: Record<string, unknown> & { name: string } = {
      name,
      trainable: true,
      dtype: 'float32',
    };
    if (i === 0) base.batch_input_shape = [null, ...inputShape];
    const outputShape = layer.computeOutputShape(shape);
    const context: TfjsExportContext = {
      layer,
      config,
      name,
      at,
      base,
      inputShape: shape,
      outputShape,
      weight: (suffix, tensor) => weight(`${name}/${suffix}`, tensor),
      named(list, key) {
        const found = list.find((t) => t.name === key);
        if (!found) throw new Error(`exportTfjs: ${at} has no '${key}'`);
        return found.value;
      },
    };
    layers.push(...translators[i]!.toTfjs!(context));
    shape = outputShape;
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
