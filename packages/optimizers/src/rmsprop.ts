import { checkOptions, optionKeys } from '@neunet/options';
import { getBackend } from '@neunet/tensor';
import { BaseOptimizer, type Kind } from './base-optimizer.js';
import type { OptimizerConfig } from './optimizer.js';
import type { Schedule } from './schedules.js';
import { fraction, positive } from './validate.js';

/** What each of RMSprop's param groups may set. */
export interface RMSpropHyperParams {
  learningRate: number;
  rho: number;
  epsilon: number;
}

export interface RMSpropOptions {
  /** Default 0.001. */
  learningRate?: number;
  /** Decay of the moving average of g², in [0, 1). Default 0.9. */
  rho?: number;
  /** Added to the denominator so that a zero gradient history does not divide by zero. Default 1e-7. */
  epsilon?: number;
  schedule?: Schedule;
}

const OPTIONS = optionKeys<RMSpropOptions>()(['learningRate', 'rho', 'epsilon', 'schedule']);

export interface RMSpropConfig extends OptimizerConfig {
  type: 'RMSprop';
  rho: number;
  epsilon: number;
}

const RMSPROP: Kind<RMSpropHyperParams> = {
  type: 'RMSprop',
  options: { learningRate: positive, rho: fraction, epsilon: positive },
  slots: () => 1,
};

/** RMSprop: cache = ρ·cache + (1 − ρ)·g², then w −= lr · g / (√cache + ε). */
export class RMSprop extends BaseOptimizer<RMSpropHyperParams, RMSpropConfig> {
  readonly rho: number;
  readonly epsilon: number;

  constructor(options: RMSpropOptions = {}) {
    checkOptions('RMSprop', options, OPTIONS);
    const { learningRate = 0.001, rho = 0.9, epsilon = 1e-7 } = options;
    super(RMSPROP, { learningRate, rho, epsilon }, options.schedule);
    this.rho = this.defaults.rho;
    this.epsilon = this.defaults.epsilon;
  }

  protected update(
    w: Float32Array,
    g: Float32Array,
    slots: readonly Float32Array[],
    rate: number,
    _t: number,
    { rho, epsilon }: RMSpropHyperParams,
  ): void {
    getBackend().rmspropUpdate(w, g, slots[0]!, rate, rho, epsilon);
  }
}
