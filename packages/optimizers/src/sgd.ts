import { getBackend } from '@neunet/tensor';
import { BaseOptimizer } from './base-optimizer.js';
import type { OptimizerConfig } from './optimizer.js';
import type { Schedule } from './schedules.js';
import { boolean, fraction } from './validate.js';

export interface SGDOptions {
  /** Default 0.01. */
  learningRate?: number;
  /** The fraction of the previous velocity kept each step, in [0, 1). Default 0 (plain SGD). */
  momentum?: number;
  /** Use Nesterov momentum: step along the velocity as it will be after this step. */
  nesterov?: boolean;
  schedule?: Schedule;
}

export interface SGDConfig extends OptimizerConfig {
  type: 'SGD';
  momentum: number;
  nesterov: boolean;
}

/**
 * Stochastic gradient descent, with optional (Nesterov) momentum in the Keras form:
 * v = momentum·v − lr·g, then w += v (or w += momentum·v − lr·g with Nesterov).
 */
export class SGD extends BaseOptimizer {
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(options: SGDOptions = {}) {
    const { learningRate = 0.01, momentum = 0, nesterov = false, schedule } = options;
    // Plain SGD keeps no velocity buffer at all.
    super({ type: 'SGD', slots: momentum === 0 ? 0 : 1 }, learningRate, schedule);
    this.momentum = fraction('SGD', 'momentum', momentum);
    this.nesterov = boolean('SGD', 'nesterov', nesterov);
  }

  getConfig(): SGDConfig {
    return {
      type: 'SGD',
      ...this.baseConfig(),
      momentum: this.momentum,
      nesterov: this.nesterov,
    };
  }

  protected update(
    w: Float32Array,
    g: Float32Array,
    slots: readonly Float32Array[],
    rate: number,
  ): void {
    getBackend().sgdUpdate(w, g, slots[0], rate, this.momentum, this.nesterov);
  }
}
