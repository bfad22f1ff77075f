import { NeuralNetwork } from '@neunet/model';
import { checkOptions, optionKeys } from '@neunet/options';
import type { TfjsLayerConfig } from './tfjs.js';
import { checkDeclaredWeights } from './tfjs-declared-weights.js';
import { findWeight, readWeights, type TfjsWeight } from './tfjs-weights.js';
import { tfjsTranslatorFor } from './translators/registry.js';
import type { ImportedLayer } from './translators/translator.js';

/** What `importTfjs` reads: tfjs `ModelArtifacts` (from a save handler or model.json + weights). */
export interface TfjsModelInput {
  modelTopology: unknown;
  weightSpecs: { name: string; shape: number[]; dtype?: string }[];
  weightData: ArrayBuffer | ArrayBuffer[];
}

const OPTIONS = optionKeys<NonNullable<Parameters<typeof importTfjs>[1]>>()(['seed']);

/**
 * A NeuNet model from a tfjs (or Keras) Sequential model of Dense and Conv2D layers with
 * linear, relu, sigmoid, tanh or softmax activations, MaxPooling2D, AveragePooling2D,
 * GlobalAveragePooling2D, Activation, LeakyReLU, BatchNormalization (last axis), Dropout,
 * Flatten and Reshape layers, images 'channels_last'. A Dense layer's activation becomes
 * a layer after it; Conv2D keeps its own fused (softmax becomes a layer). Their L1L2, L1
 * and L2 kernel and bias regularizers become `l1`, `l2` or `l1l2`. Anything else
 * throws, naming the layer and why. The result has no loss yet.
 */
export function importTfjs(
  artifacts: TfjsModelInput,
  options: { seed?: number } = {},
): NeuralNetwork {
  const where = 'importTfjs';
  checkOptions(where, options, OPTIONS);
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

  // Looked up first, so that an unsupported layer is named before anything is read.
  const translators = layers.map((layer, i) =>
    tfjsTranslatorFor(layer?.class_name, describe(layer, i)),
  );
  const weights = readWeights(artifacts, where);

  // A Sequential model carries its input shape on its first layer (or its InputLayer).
  const first = (layers[0]?.config ?? {}) as Record<string, unknown>;
  const batchShape = (first.batch_input_shape ?? first.batch_shape) as unknown[] | undefined;
  const model = new NeuralNetwork({
    seed: options.seed,
    inputShape: Array.isArray(batchShape) ? (batchShape.slice(1) as number[]) : undefined,
  });
  layers.forEach((layer, i) => {
    const config = layer.config ?? {};
    // The translators' and the layers' own errors name the option; the prefix names the
    // tfjs layer.
    try {
      const imported = translators[i]!.fromTfjs!({
        className: layer.class_name,
        config,
        inputShape() {
          const shape = model.outputShape;
          if (shape === undefined)
            throw new Error('the input shape is unknown (no batch_input_shape)');
          return shape;
        },
      });
      for (const next of imported) add(model, next, weights);
    } catch (error) {
      throw new Error(`${where}: ${describe(layer, i)}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
  return model;
}

/** 'layer 2 (Conv2D 'conv2d_2')': a tfjs layer, for error messages. */
function describe(layer: TfjsLayerConfig, i: number): string {
  return `layer ${i + 1} (${layer?.class_name} '${String(layer?.config?.name)}')`;
}

/**
 * The one place where an imported layer is built: its declared param shapes checked against
 * the file, added to the model (which builds it for the shape it receives), then its params
 * and buffers set from the file.
 */
function add(
  model: NeuralNetwork,
  imported: ImportedLayer,
  weights: Map<string, TfjsWeight>,
): void {
  const { layer, weights: sources = {} } = imported;
  checkDeclaredWeights(layer, model.outputShape, sources, weights);
  model.add(layer);
  const tensors = [...layer.params(), ...(layer.buffers?.() ?? [])];
  for (const [key, source] of Object.entries(sources)) {
    const tensor = tensors.find((t) => t.name === key);
    if (!tensor) throw new Error(`${layer.getConfig().type} has no param or buffer '${key}'`);
    if (typeof source === 'number') tensor.value.data.fill(source);
    else tensor.value.data.set(findWeight(weights, source, [...tensor.value.shape]));
  }
}
