/**
 * The `Layer` interface (built from a per-sample input shape), `Dense`, the activations,
 * `Conv2D` and the poolings on NHWC images, `Flatten` and `Reshape`, the layer and
 * regularizer registries, and `gradientCheck` to test a layer's backward pass against finite differences.
 *
 * @module @neunet/layers
 */
export { LeakyReLU, Linear, ReLU, Sigmoid, Softmax, Tanh } from './activations.js';
export { AveragePooling2D } from './average-pooling-2d.js';
export { Conv2D, type Conv2DOptions } from './conv2d.js';
export { Dense, type DenseOptions, type DenseUnitsOptions } from './dense.js';
export { Flatten } from './flatten.js';
export { GlobalAveragePooling2D } from './global-average-pooling-2d.js';
export { type GradientCheckResult, gradientCheck } from './gradient-check.js';
export type { Padding } from './image-options.js';
export type { Initializer } from './initializers.js';
export type {
  BackwardOptions,
  Buffer,
  ForwardOptions,
  Layer,
  LayerConfig,
  OptimizerSettings,
  OutputActivation,
} from './layer.js';
export { MaxPooling2D } from './max-pooling-2d.js';
export { type ParamShapes, shapesWithoutParams } from './param-shapes.js';
export { Pooling2D, type Pooling2DOptions } from './pooling-2d.js';
export {
  findLayer,
  type LayerClass,
  registeredLayerTypes,
  registerLayer,
} from './registry.js';
export {
  findRegularizer,
  type RegularizerClass,
  registerRegularizer,
} from './regularizers.js';
export { Reshape, type ReshapeOptions } from './reshape.js';
export { lastAxisRows } from './rows.js';
export { Scratch } from './scratch.js';
export {
  checkSampleShape,
  formatShape,
  holdsSamplesOf,
  sameShape,
  sampleShape,
  sizeOf,
} from './shape.js';
