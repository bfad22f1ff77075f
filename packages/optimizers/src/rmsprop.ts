import { getBackend } from '@neunet/tensor';
import { BaseOptimizer } from './base-optimizer.js';
import type { OptimizerConfig } from './optimizer.js';
import type { Schedule } from './schedules.js';
import { fraction, positive } from './validate.js';

export interface RMSpropOptions {
  /** Default 0.001. */
  learningRate?: number;
  /** Decay of the moving average of g², in [0, 1). Default 0.9. */
  rho?: number;
  /** Added to the denominator so that a zero gradient history does not divide by zero. */
  epsilon?: number;
  schedule?: Schedule;
}

export interface RMSpropConfig extends OptimizerConfig {
  type: 'RMSprop';
  rho: number;
  epsilon: number;
}

/** RMSprop: cache = ρ·cache + (1 − ρ)·g², then w −= lr · g / (√cache + ε). */
export class RMSprop extends BaseOptimizer {
  readonly rho: number;
  readonly epsilon: number;

  constructor(options: RMSpropOptions = {}) {
    const { learningRate = 0.001, rho = 0.9, epsilon = 1e-7 } = options;
    super({ type: 'RMSprop', slots: 1 }, learningRate, options.schedule);
    this.rho = fraction('RMSprop', 'rho', rho);
    this.epsilon = positive('RMSprop', 'epsilon', epsilon);
  }

  getConfig(): RMSpropConfig {
    return { type: 'RMSprop', ...this.baseConfig(), rho: this.rho, epsilon: this.epsilon };
  }

  protected update(
    w: Float32Array,
    g: Float32Array,
    slots: readonly Float32Array[],
    rate: number,
  ): void {
    getBackend().rmspropUpdate(w, g, slots[0]!, rate, this.rho, this.epsilon);
  }
}
