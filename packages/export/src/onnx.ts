import type { NeuralNetwork } from '@neunet/model';
import { checkOptions, optionKeys } from '@neunet/options';
import type { Shape } from '@neunet/tensor';
import { type Layout, layerContext, node, transpose } from './onnx-graph.js';
import {
  encodeOnnxModel,
  FLOAT,
  type OnnxInitializer as Initializer,
  type OnnxNode as Node,
  type OnnxValueInfo,
} from './onnx-proto.js';
import { translatorFor } from './translators/registry.js';

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
  // Looked up first, so that a layer without an ONNX form is named before any work.
  const translators = model.layers.map((layer, i) => {
    const type = layer.getConfig().type;
    return translatorFor(type, 'toOnnx', `layer ${i + 1} (${type})`);
  });
  model.layers.forEach((layer, i) => {
    const output = layer.computeOutputShape(shape);
    const context = layerContext(
      { layer, i, input: current, layout, inputShape: shape, outputShape: output },
      initializers,
    );
    const translator = translators[i]!;
    const wanted = translator.onnxLayout;
    if (wanted !== undefined && wanted !== layout) {
      push(transpose(`${context.name}_${wanted}`, current, wanted));
      context.input = current;
      context.layout = layout = wanted;
    }
    for (const step of translator.toOnnx!(context)) push(step);
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
