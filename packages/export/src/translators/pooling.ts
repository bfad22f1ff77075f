import { AveragePooling2D, type Layer, MaxPooling2D, type Pooling2DOptions } from '@neunet/layers';
import { pool2dGeometry, type Size2D } from '@neunet/tensor';
import { ints, node, pads } from '../onnx-graph.js';
import { ATTRIBUTE_INT, type OnnxAttribute } from '../onnx-proto.js';
import { channelsLast } from './image-format.js';
import type { LayerTranslator } from './translator.js';

/** MaxPooling2D: ONNX's MaxPool on NCHW; tfjs's MaxPooling2D. */
export const maxPoolingTranslator = pooling(
  'MaxPooling2D',
  'MaxPool',
  [],
  (options) => new MaxPooling2D(options),
);

/**
 * AveragePooling2D: ONNX's AveragePool on NCHW, the padding left out of the mean (TensorFlow's
 * 'same' averages over the cells inside the input only); tfjs's AveragePooling2D.
 */
export const averagePoolingTranslator = pooling(
  'AveragePooling2D',
  'AveragePool',
  [{ name: 'count_include_pad', type: ATTRIBUTE_INT, i: 0 }],
  (options) => new AveragePooling2D(options),
);

/** A pooling layer called `type` in NeuNet and tfjs, `op` (with `attributes`) in ONNX. */
function pooling(
  type: string,
  op: string,
  attributes: OnnxAttribute[],
  make: (options: Pooling2DOptions) => Layer,
): LayerTranslator {
  return {
    types: [type],
    tfjsClassNames: [type],
    onnxLayout: 'nchw',
    toOnnx({ config, name, input, inputShape }) {
      const g = pool2dGeometry({
        inputShape,
        poolSize: config.poolSize as Size2D,
        strides: config.strides as Size2D,
        padding: config.padding as 'valid' | 'same',
      });
      const window = [
        ints('kernel_shape', [g.kernelHeight, g.kernelWidth]),
        ints('strides', [g.strideHeight, g.strideWidth]),
        ints('pads', pads(g)),
      ];
      return [node(op, name, [input], [...window, ...attributes])];
    },
    toTfjs({ config, base }) {
      const window = {
        pool_size: config.poolSize,
        strides: config.strides,
        padding: config.padding,
      };
      return [{ class_name: type, config: { ...base, data_format: 'channels_last', ...window } }];
    },
    fromTfjs({ config: c, inputShape }) {
      channelsLast(c);
      inputShape();
      const options = {
        poolSize: (c.pool_size ?? 2) as number,
        strides: (c.strides ?? c.pool_size ?? 2) as number,
        padding: (c.padding ?? 'valid') as 'valid',
      };
      return [{ layer: make(options) }];
    },
  };
}
