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
export { JsBackend } from './js-backend.js';
export type { OptimizerName, Param, ParamUpdater } from './param.js';
export { getBackend, registerBackend, setBackend } from './registry.js';
export { Rng, type RngState } from './rng.js';
export { type NestedArray, Tensor } from './tensor.js';
export { subview } from './views.js';
export {
  createWasmBackend,
  type WasmBackendOptions,
  wasmBackendSupported,
} from './wasm/create.js';
export { initWasmBackend } from './wasm/init.js';
export type { ThreadPolicy } from './wasm/thread-policy.js';
export type { WasmBackend, WasmBackendInfo } from './wasm/wasm-backend.js';
