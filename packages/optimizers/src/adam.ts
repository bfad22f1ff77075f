import { checkOptions, optionKeys } from '@neunet/options';
import { type AdamStep, getBackend } from '@neunet/tensor';
import { BaseOptimizer, type Kind } from './base-optimizer.js';
import type { OptimizerConfig } from './optimizer.js';
import type { Schedule } from './schedules.js';
import { fraction, positive } from './validate.js';

/** What each of Adam's param groups may set. */
export interface AdamHyperParams {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export interface AdamOptions {
  /** Default 0.001. */
  learningRate?: number;
  /** Decay of the first-moment (mean) estimate, in [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay of the second-moment (uncentred variance) estimate, in [0, 1). Default 0.999. */
  beta2?: number;
  /** Added to the denominator so that a zero gradient history does not divide by zero. Default 1e-8. */
  epsilon?: number;
  schedule?: Schedule;
}

const OPTIONS = optionKeys<AdamOptions>()([
  'learningRate',
  'beta1',
  'beta2',
  'epsilon',
  'schedule',
]);

export interface AdamConfig extends OptimizerConfig {
  type: 'Adam';
  beta1: number;
  beta2: number;
  epsilon: number;
}

const ADAM: Kind<AdamHyperParams> = {
  type: 'Adam',
  options: { learningRate: positive, beta1: fraction, beta2: fraction, epsilon: positive },
  slots: () => 2,
};

/**
 * Adam (Kingma & Ba, 2015) as the seed writes it: m and v are moving averages of g and g²,
 * bias-corrected with the param's own step count t, and w −= lr · m̂ / (√v̂ + ε).
 */
export class Adam extends BaseOptimizer<AdamHyperParams, AdamConfig> {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** Reused for every param and step: the update allocates nothing. */
  private readonly step_: AdamStep;

  constructor(options: AdamOptions = {}) {
    checkOptions('Adam', options, OPTIONS);
    const { learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = options;
    super(ADAM, { learningRate, beta1, beta2, epsilon }, options.schedule);
    this.beta1 = this.defaults.beta1;
    this.beta2 = this.defaults.beta2;
    this.epsilon = this.defaults.epsilon;
    this.step_ = { rate: 0, beta1, beta2, epsilon, correction1: 1, correction2: 1 };
  }

  protected update(
    w: Float32Array,
    g: Float32Array,
    slots: readonly Float32Array[],
    rate: number,
    t: number,
    { beta1, beta2, epsilon }: AdamHyperParams,
  ): void {
    const step = this.step_;
    step.rate = rate;
    step.beta1 = beta1;
    step.beta2 = beta2;
    step.epsilon = epsilon;
    step.correction1 = 1 - beta1 ** t;
    step.correction2 = 1 - beta2 ** t;
    getBackend().adamUpdate(w, g, slots[0]!, slots[1]!, step);
  }
}
