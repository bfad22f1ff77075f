import type { Layer, LayerConfig } from '@neunet/layers';
import type { NeuralNetwork } from '@neunet/model';
import type { Shape, Tensor } from '@neunet/tensor';
import {
  ATTRIBUTE_FLOAT,
  ATTRIBUTE_INT,
  encodeOnnxModel,
  FLOAT,
  INT64,
  type OnnxInitializer as Initializer,
  type OnnxNode as Node,
  type OnnxValueInfo,
} from './onnx-proto.js';

export interface OnnxExportOptions {
  /** The graph's name. Default 'neunet'. */
  name?: string;
  /** The ONNX operator set to declare (13 or later: every op used here is unchanged since). Default 13. */
  opset?: number;
}

/**
 * The model as a standard ONNX file (Uint8Array): input `input` [batch, ...input shape],
 * output `output`, float32, for inference. Dense becomes Gemm (then its fused activation's
 * op); ReLU, LeakyReLU, Sigmoid, Tanh and Softmax their ONNX ops; BatchNormalization (by
 * its config type and its gamma, beta, runningMean and runningVar) the inference-form
 * BatchNormalization; Flatten and Reshape their ONNX ops; Dropout and Linear vanish, as
 * they are the identity at inference. On inputs of more than one axis per sample, where
 * these layers act on the last axis, Dense becomes MatMul and Add (which broadcast over
 * the leading axes), BatchNormalization its inference formula in Sub, Mul and Add, and
 * Softmax takes axis -1.
 */
export function exportOnnx(model: NeuralNetwork, options: OnnxExportOptions = {}): Uint8Array {
  const { name = 'neunet', opset = 13 } = options;
  if (!Number.isInteger(opset) || opset < 13) {
    throw new Error(`exportOnnx: opset must be an integer >= 13, got ${opset}`);
  }
  const inputShape = model.inputShape;
  const outputShape = model.outputShape;
  if (model.layers.length === 0 || inputShape === undefined || outputShape === undefined) {
    throw new Error(
      'exportOnnx: the model has no layers or no known input shape; add layers (or predict once) first',
    );
  }
  const nodes: Node[] = [];
  const initializers: Initializer[] = [];
  let current = 'input';
  let shape = inputShape;
  model.layers.forEach((layer, i) => {
    const output = layer.computeOutputShape(shape);
    const context = { layer, i, input: current, inputShape: shape, outputShape: output };
    for (const step of layerNodes(context, initializers)) {
      nodes.push(step);
      current = step.output[0]!;
    }
    shape = output;
  });
  if (nodes.length === 0) nodes.push(node('Identity', 'identity', [current], []));
  nodes.at(-1)!.output = ['output'];

  const valueInfo = (valueName: string, sample: Shape): OnnxValueInfo => ({
    name: valueName,
    elemType: FLOAT,
    dims: ['batch', ...sample],
  });
  return encodeOnnxModel({
    irVersion: 7,
    producerName: 'neunet',
    opsetImport: [{ domain: '', version: opset }],
    graph: {
      name,
      node: nodes,
      initializer: initializers,
      input: [valueInfo('input', inputShape)],
      output: [valueInfo('output', outputShape)],
    },
  });
}

function node(opType: string, name: string, input: string[], attribute: Node['attribute']): Node {
  return { opType, name, input, output: [`${name}_out`], attribute };
}

/** A Dense layer's fused activation (`activation` in its config) as the op that follows its Gemm. */
function fusedActivation(config: LayerConfig, name: string, input: string): Node[] {
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
        `exportOnnx: Dense activation ${JSON.stringify(config.activation)} has no ONNX form`,
      );
  }
}

/** A layer being translated: where its input comes from and the per-sample shapes around it. */
interface LayerContext {
  layer: Layer;
  i: number;
  input: string;
  inputShape: Shape;
  outputShape: Shape;
}

function layerNodes(context: LayerContext, initializers: Initializer[]): Node[] {
  const { layer, i, input, inputShape, outputShape } = context;
  const config = layer.getConfig();
  const name = `${config.type.toLowerCase()}_${i + 1}`;
  const constant = (suffix: string, tensor: Tensor | Float32Array, dims?: number[]) => {
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
  };
  const named = (list: { name: string; value: Tensor }[], key: string) => {
    const found = list.find((t) => t.name === key);
    if (!found) throw new Error(`exportOnnx: layer ${i + 1} (${config.type}) has no '${key}'`);
    return found.value;
  };
  // Gemm and BatchNormalization take [batch, features] (ONNX's BatchNormalization
  // normalises axis 1): inputs of more axes go through ops that broadcast on the last axis.
  const matrix = inputShape.length === 1;
  switch (config.type) {
    case 'Dense': {
      const params = layer.params();
      const W = constant('W', named(params, 'weights'));
      const B = constant('B', named(params, 'bias'));
      let product: Node[];
      if (matrix) product = [node('Gemm', name, [input, W, B], [])];
      else {
        const times = node('MatMul', `${name}_matmul`, [input, W], []);
        product = [times, node('Add', name, [times.output[0]!, B], [])];
      }
      return [...product, ...fusedActivation(config, name, product.at(-1)!.output[0]!)];
    }
    case 'ReLU':
      return [node('Relu', name, [input], [])];
    case 'LeakyReLU':
      return [
        node(
          'LeakyRelu',
          name,
          [input],
          [{ name: 'alpha', type: ATTRIBUTE_FLOAT, f: config.alpha as number }],
        ),
      ];
    case 'Sigmoid':
      return [node('Sigmoid', name, [input], [])];
    case 'Tanh':
      return [node('Tanh', name, [input], [])];
    case 'Softmax':
      return [
        node('Softmax', name, [input], [{ name: 'axis', type: ATTRIBUTE_INT, i: matrix ? 1 : -1 }]),
      ];
    case 'BatchNormalization': {
      const params = layer.params();
      const buffers = layer.buffers?.() ?? [];
      const gamma = named(params, 'gamma');
      const beta = named(params, 'beta');
      const mean = named(buffers, 'runningMean');
      const variance = named(buffers, 'runningVar');
      const epsilon = config.epsilon as number;
      if (matrix) {
        return [
          node(
            'BatchNormalization',
            name,
            [
              input,
              constant('scale', gamma),
              constant('B', beta),
              constant('mean', mean),
              constant('var', variance),
            ],
            [{ name: 'epsilon', type: ATTRIBUTE_FLOAT, f: epsilon }],
          ),
        ];
      }
      // (x − mean) · γ/√(var + ε) + β, each constant broadcast over the last axis.
      const factor = gamma.data.map((g, j) => g / Math.sqrt(variance.data[j]! + epsilon));
      const centred = node('Sub', `${name}_centre`, [input, constant('mean', mean)], []);
      const scaled = node(
        'Mul',
        `${name}_scale`,
        [centred.output[0]!, constant('factor', factor, [factor.length])],
        [],
      );
      return [centred, scaled, node('Add', name, [scaled.output[0]!, constant('B', beta)], [])];
    }
    case 'Flatten':
      return [node('Flatten', name, [input], [{ name: 'axis', type: ATTRIBUTE_INT, i: 1 }])];
    case 'Reshape': {
      const dims = [-1, ...outputShape];
      initializers.push({
        name: `${name}_shape`,
        dims: [dims.length],
        dataType: INT64,
        rawData: new Uint8Array(BigInt64Array.from(dims, (d) => BigInt(d)).buffer),
      });
      return [node('Reshape', name, [input, `${name}_shape`], [])];
    }
    case 'Dropout':
    case 'Linear':
      return [];
    default:
      throw new Error(
        `exportOnnx: layer ${i + 1} (${config.type}) has no ONNX form; supported: Dense, ReLU, LeakyReLU, Sigmoid, Tanh, Softmax, BatchNormalization, Flatten, Reshape, Dropout, Linear`,
      );
  }
}
