import type { Layer, LayerConfig } from '@neunet/layers';
import type { NeuralNetwork } from '@neunet/model';
import type { Tensor } from '@neunet/tensor';
import {
  ATTRIBUTE_FLOAT,
  ATTRIBUTE_INT,
  encodeOnnxModel,
  FLOAT,
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
 * The model as a standard ONNX file (Uint8Array): input `input` [batch, features], output
 * `output`, float32, for inference. Dense becomes Gemm (then its fused activation's op); ReLU, LeakyReLU, Sigmoid, Tanh and
 * Softmax their ONNX ops; BatchNormalization (by its config type and its gamma, beta,
 * runningMean and runningVar) the inference-form BatchNormalization; Dropout and Linear
 * vanish, as they are the identity at inference.
 */
export function exportOnnx(model: NeuralNetwork, options: OnnxExportOptions = {}): Uint8Array {
  const { name = 'neunet', opset = 13 } = options;
  if (!Number.isInteger(opset) || opset < 13) {
    throw new Error(`exportOnnx: opset must be an integer >= 13, got ${opset}`);
  }
  const inputSize = model.inputSize;
  if (model.layers.length === 0 || inputSize === undefined || model.outputWidth === undefined) {
    throw new Error(
      'exportOnnx: the model has no layers or no known input width; add layers (or predict once) first',
    );
  }
  const nodes: Node[] = [];
  const initializers: Initializer[] = [];
  let current = 'input';
  model.layers.forEach((layer, i) => {
    for (const step of layerNodes(layer, i, current, initializers)) {
      nodes.push(step);
      current = step.output[0]!;
    }
  });
  if (nodes.length === 0) nodes.push(node('Identity', 'identity', [current], []));
  nodes.at(-1)!.output = ['output'];

  const valueInfo = (valueName: string, width: number): OnnxValueInfo => ({
    name: valueName,
    elemType: FLOAT,
    dims: ['batch', width],
  });
  return encodeOnnxModel({
    irVersion: 7,
    producerName: 'neunet',
    opsetImport: [{ domain: '', version: opset }],
    graph: {
      name,
      node: nodes,
      initializer: initializers,
      input: [valueInfo('input', inputSize)],
      output: [valueInfo('output', model.outputWidth)],
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

function layerNodes(layer: Layer, i: number, input: string, initializers: Initializer[]): Node[] {
  const one = layerNode(layer, i, input, initializers);
  if (!one) return [];
  const config = layer.getConfig();
  return config.type === 'Dense'
    ? [one, ...fusedActivation(config, one.name, one.output[0]!)]
    : [one];
}

function layerNode(
  layer: Layer,
  i: number,
  input: string,
  initializers: Initializer[],
): Node | undefined {
  const config = layer.getConfig();
  const name = `${config.type.toLowerCase()}_${i + 1}`;
  const constant = (suffix: string, tensor: Tensor) => {
    const tensorName = `${name}_${suffix}`;
    const data = tensor.data;
    initializers.push({
      name: tensorName,
      dims: [...tensor.shape],
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
  switch (config.type) {
    case 'Dense': {
      const params = layer.params();
      return node(
        'Gemm',
        name,
        [input, constant('W', named(params, 'weights')), constant('B', named(params, 'bias'))],
        [],
      );
    }
    case 'ReLU':
      return node('Relu', name, [input], []);
    case 'LeakyReLU':
      return node(
        'LeakyRelu',
        name,
        [input],
        [{ name: 'alpha', type: ATTRIBUTE_FLOAT, f: config.alpha as number }],
      );
    case 'Sigmoid':
      return node('Sigmoid', name, [input], []);
    case 'Tanh':
      return node('Tanh', name, [input], []);
    case 'Softmax':
      return node('Softmax', name, [input], [{ name: 'axis', type: ATTRIBUTE_INT, i: 1 }]);
    case 'BatchNormalization': {
      const params = layer.params();
      const buffers = layer.buffers?.() ?? [];
      return node(
        'BatchNormalization',
        name,
        [
          input,
          constant('scale', named(params, 'gamma')),
          constant('B', named(params, 'beta')),
          constant('mean', named(buffers, 'runningMean')),
          constant('var', named(buffers, 'runningVar')),
        ],
        [{ name: 'epsilon', type: ATTRIBUTE_FLOAT, f: config.epsilon as number }],
      );
    }
    case 'Dropout':
    case 'Linear':
      return undefined;
    default:
      throw new Error(
        `exportOnnx: layer ${i + 1} (${config.type}) has no ONNX form; supported: Dense, ReLU, LeakyReLU, Sigmoid, Tanh, Softmax, BatchNormalization, Dropout, Linear`,
      );
  }
}
