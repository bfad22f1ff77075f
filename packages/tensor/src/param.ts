import type { Tensor } from './tensor.js';

/** The optimizers a layer may name; the model maps each name to a class once. */
export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'rmsprop' | 'adagrad';

/** What a layer may hand over instead of a name: anything that can update parameters. */
export interface ParamUpdater {
  step(params: readonly Param[]): void;
}

/**
 * A trainable array: its value, the gradient the last backward pass left in `grad`,
 * and the per-parameter settings that layers pass on to optimizers and penalties.
 */
export interface Param {
  readonly name: string;
  readonly value: Tensor;
  readonly grad: Tensor;
  /** Whether weight penalties (L1/L2) apply: true for Dense weights, false for biases. */
  readonly penalize?: boolean;
  /** The optimizer for this parameter; the model's own when absent. */
  readonly optimizer?: OptimizerName | ParamUpdater;
  /** The learning rate for this parameter; the optimizer's own when absent. */
  readonly learningRate?: number;
}
