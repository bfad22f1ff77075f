import type { Tensor } from './tensor.js';

/**
 * A trainable array: its value, and the gradient the last backward pass left in `grad`.
 * How it is trained (which optimizer, at which rate) is not the param's business: an
 * optimizer holds it in one of its param groups.
 */
export interface Param {
  readonly name: string;
  readonly value: Tensor;
  readonly grad: Tensor;
  /** Whether weight penalties (L1/L2) apply: true for Dense weights, false for biases. */
  readonly penalize?: boolean;
}
