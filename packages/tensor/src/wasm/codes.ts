import type { ActivationKind } from '../backend.js';

/** The activation numbers assembly/kernels.ts switches on. */
export const ACTIVATION_CODES: Readonly<Record<ActivationKind, number>> = {
  linear: 0,
  relu: 1,
  leakyRelu: 2,
  sigmoid: 3,
  tanh: 4,
};

/** The operation numbers assembly/elementwise.ts switches on. */
export const ELEMENTWISE_CODES = { add: 0, sub: 1, mul: 2, maximum: 3 } as const;

/** Columns per packed panel of B in the wasm gemm. */
export const PANEL = 8;
