import { checkOptions, optionKeys } from '@neunet/options';
import { getBackend } from '@neunet/tensor';
import { BaseOptimizer, type Kind } from './base-optimizer.js';
import type { OptimizerConfig } from './optimizer.js';
import type { Schedule } from './schedules.js';
import { positive } from './validate.js';

/** What each of AdaGrad's param groups may set. */
export interface AdaGradHyperParams {
  learningRate: number;
  epsilon: number;
}

export interface AdaGradOptions {
  /** Default 0.01. */
  learningRate?: number;
  /** Added to the denominator so that a zero gradient history does not divide by zero. Default 1e-7. */
  epsilon?: number;
  schedule?: Schedule;
}

const OPTIONS = optionKeys<AdaGradOptions>()(['learningRate', 'epsilon', 'schedule']);

export interface AdaGradConfig extends OptimizerConfig {
  type: 'AdaGrad';
  epsilon: number;
}

const ADAGRAD: Kind<AdaGradHyperParams> = {
  type: 'AdaGrad',
  options: { learningRate: positive, epsilon: positive },
  slots: () => 1,
};

/**
 * AdaGrad: cache += g², then w −= lr · g / (√cache + ε). The cache starts at 0 (as in the
 * seed's lineage, nnfs), so the first step moves each weight by about lr.
 */
export class AdaGrad extends BaseOptimizer<AdaGradHyperParams, AdaGradConfig> {
  readonly epsilon: number;

  constructor(options: AdaGradOptions = {}) {
    checkOptions('AdaGrad', options, OPTIONS);
    const { learningRate = 0.01, epsilon = 1e-7 } = options;
    super(ADAGRAD, { learningRate, epsilon }, options.schedule);
    this.epsilon = this.defaults.epsilon;
  }

  protected update(
    w: Float32Array,
    g: Float32Array,
    slots: readonly Float32Array[],
    rate: number,
    _t: number,
    { epsilon }: AdaGradHyperParams,
  ): void {
    getBackend().adagradUpdate(w, g, slots[0]!, rate, epsilon);
  }
}
