import type { LayerConfig } from '@neunet/layers';
import {
  type Conv2DGeometry,
  conv2dGeometry,
  pool2dGeometry,
  type Size2D,
  type Tensor,
} from '@neunet/tensor';
import { fusedActivation, type LayerContext, node } from './onnx-graph.js';
import { ATTRIBUTE_INT, ATTRIBUTE_INTS, type OnnxNode as Node } from './onnx-proto.js';

// NeuNet's images are NHWC (as Keras's and TensorFlow.js's); ONNX's Conv and pooling ops
// take NCHW. The exporter moves a tensor to NCHW before a run of these layers and back
// where a layer reads the last axis as the channels, so each run costs two Transposes
// however long it is, and every other layer keeps its NHWC translation.

/** The order of an image tensor's axes in the graph. */
export type Layout = 'nhwc' | 'nchw';

/** The layers translated here, which read and write NCHW tensors. */
export const NCHW_LAYERS: readonly string[] = [
  'Conv2D',
  'MaxPooling2D',
  'AveragePooling2D',
  'GlobalAveragePooling2D',
];

/** A Transpose of a rank-4 tensor from one layout to the other. */
export function transpose(name: string, input: string, to: Layout): Node {
  const perm = to === 'nchw' ? [0, 3, 1, 2] : [0, 2, 3, 1];
  return node('Transpose', name, [input], [{ name: 'perm', type: ATTRIBUTE_INTS, ints: perm }]);
}

/** Conv2D, MaxPooling2D, AveragePooling2D or GlobalAveragePooling2D on an NCHW input. */
export function imageLayerNodes(context: LayerContext): Node[] {
  const { config, name, input, inputShape } = context;
  switch (config.type) {
    case 'Conv2D': {
      const g = conv2dGeometry({
        inputShape,
        kernelSize: size(config, 'kernelSize'),
        filters: config.filters as number,
        strides: size(config, 'strides'),
        dilationRate: size(config, 'dilationRate'),
        padding: config.padding as 'valid' | 'same',
      });
      const params = context.layer.params();
      const kernel = context.named(params, 'kernel');
      const weights = [context.constant('W', oihw(kernel), oihwShape(kernel))];
      if (config.useBias !== false)
        weights.push(context.constant('B', context.named(params, 'bias')));
      const conv = node(
        'Conv',
        name,
        [input, ...weights],
        [
          ints('kernel_shape', [g.kernelHeight, g.kernelWidth]),
          ints('strides', [g.strideHeight, g.strideWidth]),
          ints('pads', pads(g)),
          ints('dilations', [g.dilationHeight, g.dilationWidth]),
          { name: 'group', type: ATTRIBUTE_INT, i: 1 },
        ],
      );
      return [conv, ...fusedActivation(context, conv.output[0]!)];
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const g = pool2dGeometry({
        inputShape,
        poolSize: size(config, 'poolSize'),
        strides: size(config, 'strides'),
        padding: config.padding as 'valid' | 'same',
      });
      const window = [
        ints('kernel_shape', [g.kernelHeight, g.kernelWidth]),
        ints('strides', [g.strideHeight, g.strideWidth]),
        ints('pads', pads(g)),
      ];
      if (config.type === 'MaxPooling2D') return [node('MaxPool', name, [input], window)];
      // TensorFlow's 'same' averages over the cells inside the input only.
      const inside = { name: 'count_include_pad', type: ATTRIBUTE_INT, i: 0 } as const;
      return [node('AveragePool', name, [input], [...window, inside])];
    }
    case 'GlobalAveragePooling2D': {
      // [batch, c, 1, 1] → [batch, c], as NeuNet's layer gives.
      const pool = node('GlobalAveragePool', `${name}_pool`, [input], []);
      return [
        pool,
        node('Flatten', name, [pool.output[0]!], [{ name: 'axis', type: ATTRIBUTE_INT, i: 1 }]),
      ];
    }
    default:
      throw new Error(`exportOnnx: layer ${context.index} (${config.type}) is not an image layer`);
  }
}

function ints(name: string, values: number[]) {
  return { name, type: ATTRIBUTE_INTS, ints: values } as const;
}

/** ONNX's order: the starts of the axes, then their ends. */
function pads(g: Conv2DGeometry): number[] {
  return [g.padTop, g.padLeft, g.padBottom, g.padRight];
}

function size(config: LayerConfig, key: string): Size2D {
  return config[key] as Size2D;
}

function oihwShape(kernel: Tensor): number[] {
  const [kh, kw, cIn, cOut] = kernel.shape as [number, number, number, number];
  return [cOut, cIn, kh, kw];
}

/** A kernel [kh, kw, cIn, cOut] (NeuNet, Keras) in ONNX's order [cOut, cIn, kh, kw]. */
function oihw(kernel: Tensor): Float32Array {
  const [kh, kw, cIn, cOut] = kernel.shape as [number, number, number, number];
  const from = kernel.data;
  const to = new Float32Array(from.length);
  let k = 0;
  for (let o = 0; o < cOut; o++) {
    for (let c = 0; c < cIn; c++) {
      for (let y = 0; y < kh; y++) {
        for (let x = 0; x < kw; x++) to[k++] = from[((y * kw + x) * cIn + c) * cOut + o]!;
      }
    }
  }
  return to;
}
