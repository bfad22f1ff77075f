import { checkOptions, optionKeys } from '@neunet/options';
import { getBackend } from '@neunet/tensor';
import { BaseOptimizer, type Kind } from './base-optimizer.js';
import type { OptimizerConfig } from './optimizer.js';
import type { Schedule } from './schedules.js';
import { boolean, fraction, positive } from './validate.js';

/** What each of SGD's param groups may set. */
export interface SGDHyperParams {
  learningRate: number;
  momentum: number;
  nesterov: boolean;
}

export interface SGDOptions {
  /** Default 0.01. */
  learningRate?: number;
  /** The fraction of the previous velocity kept each step, in [0, 1). Default 0 (plain SGD). */
  momentum?: number;
  /** Use Nesterov momentum: step along the velocity as it will be after this step. */
  nesterov?: boolean;
  schedule?: Schedule;
}

const OPTIONS = optionKeys<SGDOptions>()(['learningRate', 'momentum', 'nesterov', 'schedule']);

export interface SGDConfig extends OptimizerConfig {
  type: 'SGD';
  momentum: number;
  nesterov: boolean;
}

const SGD_KIND: Kind<SGDHyperParams> = {
  type: 'SGD',
  options: { learningRate: positive, momentum: fraction, nesterov: boolean },
  // Plain SGD keeps no velocity buffer at all.
  slots: ({ momentum }) => (momentum === 0 ? 0 : 1),
};

/**
 * Stochastic gradient descent, with optional (Nesterov) momentum in the Keras form:
 * v = momentum·v − lr·g, then w += v (or w += momentum·v − lr·g with Nesterov).
 */
export class SGD extends BaseOptimizer<SGDHyperParams, SGDConfig> {
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(options: SGDOptions = {}) {
    checkOptions('SGD', options, OPTIONS);
    const { learningRate = 0.01, momentum = 0, nesterov = false, schedule } = options;
    super(SGD_KIND, { learningRate, momentum, nesterov }, schedule);
    this.momentum = this.defaults.momentum;
    this.nesterov = this.defaults.nesterov;
  }

  protected update(
    w: Float32Array,
    g: Float32Array,
    slots: readonly Float32Array[],
    rate: number,
    _t: number,
    { momentum, nesterov }: SGDHyperParams,
  ): void {
    getBackend().sgdUpdate(w, g, slots[0], rate, momentum, nesterov);
  }
}
