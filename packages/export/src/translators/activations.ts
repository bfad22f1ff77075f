import { LeakyReLU, Linear } from '@neunet/layers';
import { node } from '../onnx-graph.js';
import { ATTRIBUTE_FLOAT, ATTRIBUTE_INT } from '../onnx-proto.js';
import { activationFromTfjs } from './fused-activation.js';
import type { LayerTranslator } from './translator.js';

/** The activation layers tfjs writes as an Activation layer, and their ONNX ops (Linear: none). */
const ACTIVATIONS: Record<string, { tfjs: string; onnx?: string }> = {
  ReLU: { tfjs: 'relu', onnx: 'Relu' },
  Sigmoid: { tfjs: 'sigmoid', onnx: 'Sigmoid' },
  Tanh: { tfjs: 'tanh', onnx: 'Tanh' },
  Linear: { tfjs: 'linear' },
};

/**
 * ReLU, Sigmoid, Tanh and Linear: their ONNX ops (Linear vanishes), tfjs's Activation
 * layer, which it also reads back for Softmax.
 */
export const activationTranslator: LayerTranslator = {
  types: Object.keys(ACTIVATIONS),
  tfjsClassNames: ['Activation'],
  toOnnx({ config, name, input }) {
    const op = ACTIVATIONS[config.type]!.onnx;
    return op === undefined ? [] : [node(op, name, [input], [])];
  },
  toTfjs({ config, base }) {
    const activation = ACTIVATIONS[config.type]!.tfjs;
    return [{ class_name: 'Activation', config: { ...base, activation } }];
  },
  fromTfjs({ config: c }) {
    return [{ layer: activationFromTfjs(c.activation) ?? new Linear() }];
  },
};

/**
 * Softmax over the last axis: ONNX's Softmax over axis 1 on [batch, features] and NCHW
 * images, -1 otherwise; tfjs's Activation 'softmax'.
 */
export const softmaxTranslator: LayerTranslator = {
  types: ['Softmax'],
  tfjsClassNames: [],
  toOnnx({ name, input, inputShape, layout }) {
    const axis = inputShape.length === 1 || layout === 'nchw' ? 1 : -1;
    return [node('Softmax', name, [input], [{ name: 'axis', type: ATTRIBUTE_INT, i: axis }])];
  },
  toTfjs: ({ base }) => [{ class_name: 'Activation', config: { ...base, activation: 'softmax' } }],
};

/** LeakyReLU: ONNX's LeakyRelu, tfjs's LeakyReLU layer (alpha 0.3 where tfjs leaves it out). */
export const leakyReluTranslator: LayerTranslator = {
  types: ['LeakyReLU'],
  tfjsClassNames: ['LeakyReLU'],
  toOnnx({ config, name, input }) {
    const alpha = { name: 'alpha', type: ATTRIBUTE_FLOAT, f: config.alpha as number } as const;
    return [node('LeakyRelu', name, [input], [alpha])];
  },
  toTfjs({ config, base }) {
    return [{ class_name: 'LeakyReLU', config: { ...base, alpha: config.alpha } }];
  },
  fromTfjs({ config: c }) {
    return [{ layer: new LeakyReLU((c.alpha as number | undefined) ?? 0.3) }];
  },
};
