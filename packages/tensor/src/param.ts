import type { Tensor } from './tensor.js';

/**
 * A regularizer as a saved model writes it, in Keras's and TensorFlow.js's form:
 * `{ className: 'L2', config: { l2: 0.0001 } }`.
 */
export interface RegularizerConfig {
  readonly className: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/**
 * A penalty on one param's values that training adds to the loss, such as a layer's
 * `kernelRegularizer` (`l1`, `l2` and `l1l2` in `@neunet/regularization`). Declared here,
 * with the param that carries it, so that layers and losses need no regularization package.
 */
export interface Regularizer {
  /** The penalty for `values`, added to the loss. */
  penalty(values: Tensor): number;
  /** Adds the penalty's gradient with respect to `values` to `grad`. */
  addGradient(values: Tensor, grad: Tensor): void;
  getConfig(): RegularizerConfig;
}

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
  /** The param's own penalty (a layer's `kernelRegularizer` or `biasRegularizer`). */
  readonly regularizer?: Regularizer;
}
