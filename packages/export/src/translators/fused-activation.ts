import { type Layer, ReLU, Sigmoid, Softmax, Tanh } from '@neunet/layers';
import { node, type OnnxLayerContext } from '../onnx-graph.js';
import { ATTRIBUTE_FLOAT, type OnnxNode } from '../onnx-proto.js';
import type { TfjsLayerConfig } from '../tfjs.js';
import type { TfjsExportContext } from './translator.js';

// A fused activation (Dense's and Conv2D's `activation`) in ONNX and in tfjs.

/** The ONNX op of each fused activation NeuNet has ('linear': none). */
const ONNX_OPS: Record<string, string | undefined> = {
  linear: undefined,
  relu: 'Relu',
  leakyRelu: 'LeakyRelu',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
};

/** A layer's fused activation (`activation` in its config) as the op that follows `input`. */
export function fusedToOnnx(context: OnnxLayerContext, input: string): OnnxNode[] {
  const { config, name, index } = context;
  const activation = (config.activation as string | undefined) ?? 'linear';
  if (!Object.hasOwn(ONNX_OPS, activation)) {
    throw new Error(
      `exportOnnx: layer ${index} (${config.type}): activation ${JSON.stringify(config.activation)} has no ONNX form; expected ${Object.keys(ONNX_OPS).join(', ')}`,
    );
  }
  const op = ONNX_OPS[activation];
  if (op === undefined) return [];
  const alpha = { name: 'alpha', type: ATTRIBUTE_FLOAT, f: config.alpha as number } as const;
  const attributes = activation === 'leakyRelu' ? [alpha] : [];
  return [node(op, `${name}_${op.toLowerCase()}`, [input], attributes)];
}

/**
 * The tfjs `activation` string for a layer's fused activation, and the layers to add after
 * it: tfjs has no 'leakyRelu' string, so a fused LeakyReLU becomes a LeakyReLU layer after.
 */
export function fusedToTfjs(context: TfjsExportContext): {
  activation: string;
  after: TfjsLayerConfig[];
} {
  const { config, name } = context;
  const fused = (config.activation as string | undefined) ?? 'linear';
  if (fused !== 'leakyRelu') return { activation: fused, after: [] };
  const leaky = {
    name: `${name}_leakyrelu`,
    trainable: true,
    dtype: 'float32',
    alpha: config.alpha,
  };
  return { activation: 'linear', after: [{ class_name: 'LeakyReLU', config: leaky }] };
}

/** The tfjs activation strings read, each as the NeuNet layer it becomes ('linear': none). */
const LAYERS: Record<string, (() => Layer) | undefined> = {
  linear: undefined,
  relu: () => new ReLU(),
  sigmoid: () => new Sigmoid(),
  tanh: () => new Tanh(),
  softmax: () => new Softmax(),
};

/** A tfjs `activation` string (left out: 'linear'), checked to be one NeuNet reads. */
export function tfjsActivationName(name: unknown): string {
  const activation = name ?? 'linear';
  if (typeof activation !== 'string' || !Object.hasOwn(LAYERS, activation)) {
    throw new Error(
      `activation ${JSON.stringify(name)} is not supported; expected ${Object.keys(LAYERS).join(', ')}`,
    );
  }
  return activation;
}

/** The NeuNet layer for a tfjs `activation` string; undefined for 'linear'. */
export function activationFromTfjs(name: unknown): Layer | undefined {
  return LAYERS[tfjsActivationName(name)]?.();
}
