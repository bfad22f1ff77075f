import { GlobalAveragePooling2D } from '@neunet/layers';
import { node } from '../onnx-graph.js';
import { ATTRIBUTE_INT } from '../onnx-proto.js';
import { channelsLast } from './image-format.js';
import type { LayerTranslator } from './translator.js';

/** GlobalAveragePooling2D: ONNX's GlobalAveragePool on NCHW, then Flatten; tfjs's layer. */
export const globalAveragePoolingTranslator: LayerTranslator = {
  types: ['GlobalAveragePooling2D'],
  tfjsClassNames: ['GlobalAveragePooling2D'],
  onnxLayout: 'nchw',
  toOnnx({ name, input }) {
    // [batch, c, 1, 1] → [batch, c], as NeuNet's layer gives.
    const pool = node('GlobalAveragePool', `${name}_pool`, [input], []);
    return [
      pool,
      node('Flatten', name, [pool.output[0]!], [{ name: 'axis', type: ATTRIBUTE_INT, i: 1 }]),
    ];
  },
  toTfjs({ base }) {
    return [
      { class_name: 'GlobalAveragePooling2D', config: { ...base, data_format: 'channels_last' } },
    ];
  },
  fromTfjs({ config: c, inputShape }) {
    channelsLast(c);
    inputShape();
    if (c.keepdims === true) {
      throw new Error(
        "keepdims true is not supported; NeuNet's GlobalAveragePooling2D gives [batch, channels]",
      );
    }
    return [{ layer: new GlobalAveragePooling2D() }];
  },
};
