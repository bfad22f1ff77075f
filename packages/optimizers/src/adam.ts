import { BaseOptimizer } from './base-optimizer.js';
import type { OptimizerConfig } from './optimizer.js';
import type { Schedule } from './schedules.js';
import { fraction, positive } from './validate.js';

export interface AdamOptions {
  /** Default 0.001. */
  learningRate?: number;
  /** Decay of the first-moment (mean) estimate, in [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay of the second-moment (uncentred variance) estimate, in [0, 1). Default 0.999. */
  beta2?: number;
  /** Added to the denominator so that a zero gradient history does not divide by zero. */
  epsilon?: number;
  schedule?: Schedule;
}

export interface AdamConfig extends OptimizerConfig {
  type: 'Adam';
  beta1: number;
  beta2: number;
  epsilon: number;
}

/**
 * Adam (Kingma & Ba, 2015) as the seed writes it: m and v are moving averages of g and g²,
 * bias-corrected with the param's own step count t, and w −= lr · m̂ / (√v̂ + ε).
 */
export class Adam extends BaseOptimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  constructor(options: AdamOptions = {}) {
    const { learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = options;
    super({ type: 'Adam', slots: 2 }, learningRate, options.schedule);
    this.beta1 = fraction('Adam', 'beta1', beta1);
    this.beta2 = fraction('Adam', 'beta2', beta2);
    this.epsilon = positive('Adam', 'epsilon', epsilon);
  }

  getConfig(): AdamConfig {
    return {
      type: 'Adam',
      ...this.baseConfig(),
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
    };
  }

  protected update(
    w: Float32Array,
    g: Float32Array,
    slots: readonly Float32Array[],
    rate: number,
    t: number,
  ): void {
    const m = slots[0]!;
    const v = slots[1]!;
    const b1 = this.beta1;
    const b2 = this.beta2;
    const eps = this.epsilon;
    const c1 = 1 - b1 ** t;
    const c2 = 1 - b2 ** t;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i]!;
      const mi = b1 * m[i]! + (1 - b1) * gi;
      const vi = b2 * v[i]! + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      w[i] = w[i]! - (rate * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
    }
  }
}
