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
  Softmax: { tfjs: 'softmax', onnx: 'Softmax' },
  Linear: { tfjs: 'linear' },
};

/**
 * ReLU, Sigmoid, Tanh, Softmax and Linear: their ONNX ops (Softmax over the channels:
 * axis 1 on [batch, features] and NCHW images, -1 otherwise; Linear vanishes); tfjs's
 * Activation layer.
 */
export const activationTranslator: LayerTranslator = {
  types: Object.keys(ACTIVATIONS),
  tfjsClassNames: ['Activation'],
  toOnnx({ config, name, input, inputShape, layout }) {
    const op = ACTIVATIONS[config.type]!.onnx;
    if (op === undefined) return [];
    if (op !== 'Softmax') return [node(op, name, [input], [])];
    const axis = inputShape.length === 1 || layout === 'nchw' ? 1 : -1;
    return [node(op, name, [input], [{ name: 'axis', type: ATTRIBUTE_INT, i: axis }])];
  },
  toTfjs({ config, base }) {
    const activation = ACTIVATIONS[config.type]!.tfjs;
    return [{ class_name: 'Activation', config: { ...base, activation } }];
  },
  fromTfjs({ config: c }) {
    return [{ layer: activationFromTfjs(c.activation) ?? new Linear() }];
  },
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
