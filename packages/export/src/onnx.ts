import type { NeuralNetwork } from '@neunet/model';
import { checkOptions, optionKeys } from '@neunet/options';
import type { Shape } from '@neunet/tensor';
import { fusedActivation, type LayerContext, layerContext, node } from './onnx-graph.js';
import { imageLayerNodes, type Layout, NCHW_LAYERS, transpose } from './onnx-image.js';
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
  /** The ONNX operator set to declare (13 or later: every op used here means the same since). Default 13. */
  opset?: number;
}

const OPTIONS = optionKeys<OnnxExportOptions>()(['name', 'opset']);

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
 *
 * Conv2D becomes Conv (kernel in OIHW order, TensorFlow's 'same' as explicit pads, then its
 * fused activation's op), MaxPooling2D MaxPool, AveragePooling2D AveragePool (padding left
 * out of the mean, as in TensorFlow), GlobalAveragePooling2D GlobalAveragePool and Flatten.
 * The graph's input and output keep NeuNet's NHWC order; these ops run on NCHW between a
 * Transpose before them and one where a layer needs NHWC again (Dense, Flatten, Reshape,
 * the output), so that Dense weights after a Flatten stay as they are. BatchNormalization,
 * Softmax and the activations run in either order (on NCHW, over axis 1).
 */
export function exportOnnx(model: NeuralNetwork, options: OnnxExportOptions = {}): Uint8Array {
  checkOptions('exportOnnx', options, OPTIONS);
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
  // Assigned in the loop's callback: the cast keeps TypeScript from narrowing it to 'nhwc'.
  let layout = 'nhwc' as Layout;
  const push = (step: Node) => {
    nodes.push(step);
    current = step.output[0]!;
  };
  model.layers.forEach((layer, i) => {
    const output = layer.computeOutputShape(shape);
    const context = layerContext(
      { layer, i, input: current, inputShape: shape, outputShape: output },
      initializers,
    );
    const wanted = layoutFor(context.config.type);
    if (wanted !== undefined && wanted !== layout) {
      push(transpose(`${context.name}_${wanted}`, current, wanted));
      context.input = current;
      layout = wanted;
    }
    for (const step of layerNodes(context, layout)) push(step);
    // GlobalAveragePooling2D ends in [batch, channels], the same in either order.
    if (output.length !== 3) layout = 'nhwc';
    shape = output;
  });
  if (layout === 'nchw') push(transpose('output_nhwc', current, 'nhwc'));
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

/** The layout a layer's translation reads, or undefined for either. */
function layoutFor(type: string): Layout | undefined {
  if (NCHW_LAYERS.includes(type)) return 'nchw';
  // Dense reads channels as the last axis; Flatten and Reshape must see NHWC order so that
  // values land where NeuNet puts them.
  if (type === 'Dense' || type === 'Flatten' || type === 'Reshape') return 'nhwc';
  return undefined;
}

function layerNodes(context: LayerContext, layout: Layout): Node[] {
  const { config, name, input, inputShape, outputShape, index } = context;
  if (NCHW_LAYERS.includes(config.type)) return imageLayerNodes(context);
  // Gemm and BatchNormalization take [batch, features] (ONNX's BatchNormalization
  // normalises axis 1): inputs of more axes go through ops that broadcast on the last
  // axis, unless they are NCHW images, whose channels are axis 1 too.
  const matrix = inputShape.length === 1;
  const channelsFirst = matrix || layout === 'nchw';
  switch (config.type) {
    case 'Dense': {
      const params = context.layer.params();
      const W = context.constant('W', context.named(params, 'weights'));
      const B = context.constant('B', context.named(params, 'bias'));
      let product: Node[];
      if (matrix) product = [node('Gemm', name, [input, W, B], [])];
      else {
        const times = node('MatMul', `${name}_matmul`, [input, W], []);
        product = [times, node('Add', name, [times.output[0]!, B], [])];
      }
      return [...product, ...fusedActivation(context, product.at(-1)!.output[0]!)];
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
        node(
          'Softmax',
          name,
          [input],
          [{ name: 'axis', type: ATTRIBUTE_INT, i: channelsFirst ? 1 : -1 }],
        ),
      ];
    case 'BatchNormalization': {
      const params = context.layer.params();
      const buffers = context.layer.buffers?.() ?? [];
      const gamma = context.named(params, 'gamma');
      const beta = context.named(params, 'beta');
      const mean = context.named(buffers, 'runningMean');
      const variance = context.named(buffers, 'runningVar');
      const epsilon = config.epsilon as number;
      if (channelsFirst) {
        return [
          node(
            'BatchNormalization',
            name,
            [
              input,
              context.constant('scale', gamma),
              context.constant('B', beta),
              context.constant('mean', mean),
              context.constant('var', variance),
            ],
            [{ name: 'epsilon', type: ATTRIBUTE_FLOAT, f: epsilon }],
          ),
        ];
      }
      // (x − mean) · γ/√(var + ε) + β, each constant broadcast over the last axis.
      const factor = gamma.data.map((g, j) => g / Math.sqrt(variance.data[j]! + epsilon));
      const centred = node('Sub', `${name}_centre`, [input, context.constant('mean', mean)], []);
      const scaled = node(
        'Mul',
        `${name}_scale`,
        [centred.output[0]!, context.constant('factor', factor, [factor.length])],
        [],
      );
      return [
        centred,
        scaled,
        node('Add', name, [scaled.output[0]!, context.constant('B', beta)], []),
      ];
    }
    case 'Flatten':
      return [node('Flatten', name, [input], [{ name: 'axis', type: ATTRIBUTE_INT, i: 1 }])];
    case 'Reshape':
      return [
        node('Reshape', name, [input, context.int64Constant('shape', [-1, ...outputShape])], []),
      ];
    case 'Dropout':
    case 'Linear':
      return [];
    default:
      throw new Error(
        `exportOnnx: layer ${index} (${config.type}) has no ONNX form; supported: Dense, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, ReLU, LeakyReLU, Sigmoid, Tanh, Softmax, BatchNormalization, Flatten, Reshape, Dropout, Linear`,
      );
  }
}
