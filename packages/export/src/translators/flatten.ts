import { Flatten } from '@neunet/layers';
import { node } from '../onnx-graph.js';
import { ATTRIBUTE_INT } from '../onnx-proto.js';
import type { LayerTranslator } from './translator.js';

/** Flatten: ONNX's Flatten on NHWC, so that values land where NeuNet puts them; tfjs's Flatten. */
export const flattenTranslator: LayerTranslator = {
  types: ['Flatten'],
  tfjsClassNames: ['Flatten'],
  onnxLayout: 'nhwc',
  toOnnx: ({ name, input }) => [
    node('Flatten', name, [input], [{ name: 'axis', type: ATTRIBUTE_INT, i: 1 }]),
  ],
  toTfjs: ({ base }) => [{ class_name: 'Flatten', config: base }],
  fromTfjs({ config: c }) {
    if ((c.data_format ?? 'channels_last') !== 'channels_last') {
      throw new Error(
        `data_format ${JSON.stringify(c.data_format)} is not supported; NeuNet flattens 'channels_last' (NHWC) images`,
      );
    }
    return [{ layer: new Flatten() }];
  },
};
