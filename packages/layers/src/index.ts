/**
 * The `Layer` interface (built from a per-sample input shape), `Dense`, the activations,
 * `Flatten` and `Reshape`, the layer registry, and `gradientCheck` to test a layer's
 * backward pass against finite differences.
 *
 * @module @neunet/layers
 */
export { LeakyReLU, Linear, ReLU, Sigmoid, Softmax, Tanh } from './activations.js';
export { BatchNormalization, type BatchNormalizationOptions } from './batch-normalization.js';
export { Dense, type DenseOptions, type DenseUnitsOptions } from './dense.js';
export { Dropout, type DropoutOptions } from './dropout.js';
export { Flatten } from './flatten.js';
export { type GradientCheckResult, gradientCheck } from './gradient-check.js';
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
export {
  findLayer,
  type LayerClass,
  registeredLayerTypes,
  registerLayer,
} from './registry.js';
export { Reshape } from './reshape.js';
export { Scratch } from './scratch.js';
export {
  checkSampleShape,
  formatShape,
  holdsSamplesOf,
  sameShape,
  sampleShape,
  sizeOf,
} from './shape.js';
