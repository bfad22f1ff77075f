import type { Layer, LayerConfig } from '@neunet/layers';
import type { Conv2DGeometry, Shape, Tensor } from '@neunet/tensor';
import {
  ATTRIBUTE_INTS,
  FLOAT,
  INT64,
  type OnnxInitializer as Initializer,
  type OnnxNode as Node,
} from './onnx-proto.js';

// What translating one layer into ONNX nodes needs, shared by every layer's translator.

/**
 * The order of an image tensor's axes in the graph. NeuNet's images are NHWC (as Keras's
 * and TensorFlow.js's); ONNX's Conv and pooling ops take NCHW. The exporter moves a tensor
 * to NCHW before a run of layers that read NCHW and back where a layer reads NHWC, so each
 * run costs two Transposes however long it is.
 */
export type Layout = 'nhwc' | 'nchw';

/** A Transpose of a rank-4 tensor from one layout to the other. */
export function transpose(name: string, input: string, to: Layout): Node {
  const perm = to === 'nchw' ? [0, 3, 1, 2] : [0, 2, 3, 1];
  return node('Transpose', name, [input], [ints('perm', perm)]);
}

/** An attribute of integers. */
export function ints(name: string, values: number[]) {
  return { name, type: ATTRIBUTE_INTS, ints: values } as const;
}

/** A window's padding in ONNX's order: the starts of the axes, then their ends. */
export function pads(g: Conv2DGeometry): number[] {
  return [g.padTop, g.padLeft, g.padBottom, g.padRight];
}

/** A node whose one output is named after it. */
export function node(
  opType: string,
  name: string,
  input: string[],
  attribute: Node['attribute'],
): Node {
  return { opType, name, input, output: [`${name}_out`], attribute };
}

/**
 * A layer being translated to ONNX: where its input comes from, in which layout, the
 * shapes around it, and a way to add its constants.
 */
export interface OnnxLayerContext {
  layer: Layer;
  config: LayerConfig;
  /** 1-based, for messages. */
  index: number;
  /** The stem of its nodes' and constants' names: `${type in lower case}_${index}`. */
  name: string;
  /** The name of the tensor the layer reads. */
  input: string;
  /** The order of `input`'s axes, when it is an image; 'nhwc' otherwise. */
  layout: Layout;
  /** Per-sample shapes, in NeuNet's (NHWC) order. */
  inputShape: Shape;
  outputShape: Shape;
  /** Adds a float32 initializer `${name}_${suffix}` (of the tensor's shape unless `dims`). */
  constant(suffix: string, tensor: Tensor | Float32Array, dims?: number[]): string;
  /** Adds an int64 initializer `${name}_${suffix}` of one axis. */
  int64Constant(suffix: string, values: number[]): string;
  /** The tensor called `key` in `list` (a layer's params or buffers), or an Error naming the layer. */
  named(list: { name: string; value: Tensor }[], key: string): Tensor;
}

export function layerContext(
  where: {
    layer: Layer;
    i: number;
    input: string;
    layout: Layout;
    inputShape: Shape;
    outputShape: Shape;
  },
  initializers: Initializer[],
): OnnxLayerContext {
  const { layer, i } = where;
  const config = layer.getConfig();
  const name = `${config.type.toLowerCase()}_${i + 1}`;
  return {
    ...where,
    config,
    index: i + 1,
    name,
    constant(suffix, tensor, dims) {
      const tensorName = `${name}_${suffix}`;
      const data = tensor instanceof Float32Array ? tensor : tensor.data;
      initializers.push({
        name: tensorName,
        dims: dims ?? [...(tensor as Tensor).shape],
        dataType: FLOAT,
        // ONNX raw data is little-endian, as every JavaScript engine in use stores floats.
        rawData: new Uint8Array(
          data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
        ),
      });
      return tensorName;
    },
    int64Constant(suffix, values) {
      const tensorName = `${name}_${suffix}`;
      initializers.push({
        name: tensorName,
        dims: [values.length],
        dataType: INT64,
        rawData: new Uint8Array(BigInt64Array.from(values, (d) => BigInt(d)).buffer),
      });
      return tensorName;
    },
    named(list, key) {
      const found = list.find((t) => t.name === key);
      if (!found) throw new Error(`exportOnnx: layer ${i + 1} (${config.type}) has no '${key}'`);
      return found.value;
    },
  };
}
