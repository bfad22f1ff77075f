export type { Backend } from './backend.js';
export { JsBackend } from './js-backend.js';
export type { OptimizerName, Param, ParamUpdater } from './param.js';
export { getBackend, registerBackend, setBackend } from './registry.js';
export { Rng, type RngState } from './rng.js';
export { type NestedArray, Tensor } from './tensor.js';
