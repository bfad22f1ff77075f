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
import { BatchNormalization, Dropout } from '@neunet/regularization';
import type { TfjsLayerConfig } from './tfjs.js';
import { addImageLayerFromTfjs } from './tfjs-image.js';
import { findWeight, readWeights } from './tfjs-weights.js';

/** What `importTfjs` reads: tfjs `ModelArtifacts` (from a save handler or model.json + weights). */
export interface TfjsModelInput {
  modelTopology: unknown;
  weightSpecs: { name: string; shape: number[]; dtype?: string }[];
  weightData: ArrayBuffer | ArrayBuffer[];
}

/**
 * A NeuNet model from a tfjs (or Keras) Sequential model of Dense and Conv2D layers with
 * linear, relu, sigmoid, tanh or softmax activations, MaxPooling2D, AveragePooling2D,
 * GlobalAveragePooling2D, Activation, LeakyReLU, BatchNormalization (last axis), Dropout,
 * Flatten and Reshape layers, images 'channels_last'. A Dense layer's activation becomes
 * a layer after it; Conv2D keeps its own fused (softmax becomes a layer). Anything else
 * throws, naming the layer and why. The result has no loss yet.
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
