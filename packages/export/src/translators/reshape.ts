import { Reshape } from '@neunet/layers';
import { node } from '../onnx-graph.js';
import type { LayerTranslator } from './translator.js';

/** Reshape: ONNX's Reshape on NHWC and tfjs's Reshape, both to the layer's output shape. */
export const reshapeTranslator: LayerTranslator = {
  types: ['Reshape'],
  tfjsClassNames: ['Reshape'],
  onnxLayout: 'nhwc',
  toOnnx: (context) => [
    node(
      'Reshape',
      context.name,
      [context.input, context.int64Constant('shape', [-1, ...context.outputShape])],
      [],
    ),
  ],
  toTfjs: ({ base, outputShape }) => [
    { class_name: 'Reshape', config: { ...base, target_shape: [...outputShape] } },
  ],
  fromTfjs: ({ config: c }) => [{ layer: new Reshape(c.target_shape as number[]) }],
};
