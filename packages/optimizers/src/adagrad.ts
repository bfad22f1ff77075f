import { getBackend } from '@neunet/tensor';
import { BaseOptimizer } from './base-optimizer.js';
import type { OptimizerConfig } from './optimizer.js';
import type { Schedule } from './schedules.js';
import { positive } from './validate.js';

export interface AdaGradOptions {
  /** Default 0.01. */
  learningRate?: number;
  /** Added to the denominator so that a zero gradient history does not divide by zero. */
  epsilon?: number;
  schedule?: Schedule;
}

export interface AdaGradConfig extends OptimizerConfig {
  type: 'AdaGrad';
  epsilon: number;
}

/**
 * AdaGrad: cache += g², then w −= lr · g / (√cache + ε). The cache starts at 0 (as in the
 * seed's lineage, nnfs), so the first step moves each weight by about lr.
 */
export class AdaGrad extends BaseOptimizer {
  readonly epsilon: number;

  constructor(options: AdaGradOptions = {}) {
    const { learningRate = 0.01, epsilon = 1e-7 } = options;
    super({ type: 'AdaGrad', slots: 1 }, learningRate, options.schedule);
    this.epsilon = positive('AdaGrad', 'epsilon', epsilon);
  }

  getConfig(): AdaGradConfig {
    return { type: 'AdaGrad', ...this.baseConfig(), epsilon: this.epsilon };
  }

  protected update(
    w: Float32Array,
    g: Float32Array,
    slots: readonly Float32Array[],
    rate: number,
  ): void {
    getBackend().adagradUpdate(w, g, slots[0]!, rate, this.epsilon);
  }
}
