import type { Layer, LayerConfig } from '@neunet/layers';
import type { Shape, Tensor } from '@neunet/tensor';
import type { Layout, OnnxLayerContext } from '../onnx-graph.js';
import type { OnnxNode } from '../onnx-proto.js';
import type { TfjsLayerConfig } from '../tfjs.js';

/**
 * How the layers of some NeuNet types become ONNX nodes and TensorFlow.js layers, and how
 * the TensorFlow.js layers of some classes become NeuNet layers. A format the translator
 * leaves out is one its layers have no form in.
 */
export interface LayerTranslator {
  /** The NeuNet layer types (`getConfig().type`) that `toOnnx` and `toTfjs` translate. */
  readonly types: readonly string[];
  /** The TensorFlow.js (Keras) class names that `fromTfjs` reads. */
  readonly tfjsClassNames: readonly string[];
  /**
   * The layout `toOnnx` reads images in: 'nchw' for ONNX's image ops, 'nhwc' for layers
   * that read the last axis as NeuNet does; left out when either works.
   */
  readonly onnxLayout?: Layout;
  /** The layer's ONNX nodes; the last one's output is the layer's output. */
  toOnnx?(context: OnnxLayerContext): OnnxNode[];
  /** The layer's tfjs layers (usually one), its weights handed to `context.weight`. */
  toTfjs?(context: TfjsExportContext): TfjsLayerConfig[];
  /** The NeuNet layers for a tfjs layer, in order, with the weights each reads. */
  fromTfjs?(context: TfjsImportContext): ImportedLayer[];
}

/** A NeuNet layer being translated to the TensorFlow.js layers format. */
export interface TfjsExportContext {
  layer: Layer;
  config: LayerConfig;
  /** `${type in lower case}_${index}`: the tfjs layer's name and its weights' prefix. */
  name: string;
  /** 'layer 3 (Conv2D)': the layer, for error messages. */
  at: string;
  /** What every tfjs config starts with: name, trainable, dtype, and the first layer's batch_input_shape. */
  base: Record<string, unknown> & { name: string };
  /** Per-sample shapes, NHWC as in tfjs. */
  inputShape: Shape;
  outputShape: Shape;
  /** Adds `tensor` to the weights as `${name}/${suffix}`. */
  weight(suffix: string, tensor: Tensor): void;
  /** The tensor called `key` in `list` (a layer's params or buffers), or an Error naming the layer. */
  named(list: { name: string; value: Tensor }[], key: string): Tensor;
}

/** A TensorFlow.js (Keras) layer being read. Errors thrown while reading it get its name and index. */
export interface TfjsImportContext {
  className: string;
  config: Record<string, unknown>;
  /** The per-sample shape the layer receives; throws when the model declares none. */
  inputShape(): Shape;
}

/** A NeuNet layer read from a tfjs layer, not built yet. */
export interface ImportedLayer {
  layer: Layer;
  /**
   * The layer's params and buffers to set once it is built, by name: the name of a tfjs
   * weight (which must have the tensor's shape), or a number to fill it with.
   */
  weights?: Record<string, string | number>;
}
