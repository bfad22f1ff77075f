/**
 * The `Layer` interface, `Dense` and the activations, and `gradientCheck` to test a
 * layer's backward pass against finite differences.
 *
 * @module @neunet/layers
 */
export { LeakyReLU, Linear, ReLU, Sigmoid, Softmax, Tanh } from './activations.js';
export { BatchNormalization, type BatchNormalizationOptions } from './batch-normalization.js';
export { Dense, type DenseOptions } from './dense.js';
export { Dropout, type DropoutOptions } from './dropout.js';
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
export { Scratch } from './scratch.js';
