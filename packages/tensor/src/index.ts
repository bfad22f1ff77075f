/**
 * Tensors (dense, row-major `Float32Array`s with a shape), the kernels behind a
 * `Backend` (a plain-TypeScript reference, WebAssembly SIMD with threads) and the seeded
 * `Rng` every random choice uses.
 *
 * @module @neunet/tensor
 */
export { ACTIVATIONS, type ActivationDefinition, activationKinds } from './activations.js';
export type {
  ActivationKind,
  AdamStep,
  Backend,
  BatchNormState,
  LossKind,
  LossTarget,
  MetricKind,
  ReduceKind,
} from './backend.js';
export {
  type Conv2DGeometry,
  type Conv2DGeometryOptions,
  conv2dGeometry,
  type Padding2D,
  type Pool2DGeometryOptions,
  pool2dGeometry,
  type Size2D,
} from './conv-geometry.js';
export { JsBackend } from './js-backend.js';
export type { Param, Regularizer, RegularizerConfig } from './param.js';
export { getBackend, registerBackend, setBackend } from './registry.js';
export { Rng, type RngState } from './rng.js';
export { type NestedArray, type Shape, Tensor } from './tensor.js';
export { subview } from './views.js';
export {
  createWasmBackend,
  type WasmBackendOptions,
  wasmBackendSupported,
} from './wasm/create.js';
export { initWasmBackend } from './wasm/init.js';
export type { ThreadPolicy } from './wasm/thread-policy.js';
export type { WasmBackend, WasmBackendInfo } from './wasm/wasm-backend.js';
