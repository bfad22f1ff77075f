import type { Layer, LayerConfig } from '@neunet/layers';
import type { Shape, Tensor } from '@neunet/tensor';
import {
  ATTRIBUTE_FLOAT,
  FLOAT,
  INT64,
  type OnnxInitializer as Initializer,
  type OnnxNode as Node,
} from './onnx-proto.js';

// What translating one layer into ONNX nodes needs, shared by the dense and the image layers.

/** A node whose one output is named after it. */
export function node(
  opType: string,
  name: string,
  input: string[],
  attribute: Node['attribute'],
): Node {
  return { opType, name, input, output: [`${name}_out`], attribute };
}

/** A layer being translated: where its input comes from, the shapes around it, its constants. */
export interface LayerContext {
  layer: Layer;
  config: LayerConfig;
  /** 1-based, for messages. */
  index: number;
  /** The stem of its nodes' and constants' names: `${type in lower case}_${index}`. */
  name: string;
  input: string;
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
  where: { layer: Layer; i: number; input: string; inputShape: Shape; outputShape: Shape },
  initializers: Initializer[],
): LayerContext {
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

/** A layer's fused activation (`activation` in its config) as the op that follows it. */
export function fusedActivation(context: LayerContext, input: string): Node[] {
  const { config, name, index } = context;
  switch (config.activation ?? 'linear') {
    case 'linear':
      return [];
    case 'relu':
      return [node('Relu', `${name}_relu`, [input], [])];
    case 'leakyRelu':
      return [
        node(
          'LeakyRelu',
          `${name}_leakyrelu`,
          [input],
          [{ name: 'alpha', type: ATTRIBUTE_FLOAT, f: config.alpha as number }],
        ),
      ];
    case 'sigmoid':
      return [node('Sigmoid', `${name}_sigmoid`, [input], [])];
    case 'tanh':
      return [node('Tanh', `${name}_tanh`, [input], [])];
    default:
      throw new Error(
        `exportOnnx: layer ${index} (${config.type}): activation ${JSON.stringify(config.activation)} has no ONNX form; expected linear, relu, leakyRelu, sigmoid or tanh`,
      );
  }
}
