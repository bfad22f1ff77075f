/**
 * Optimizers (SGD with momentum and Nesterov, Adam, RMSprop, AdaGrad) and
 * learning-rate schedules.
 *
 * @module @neunet/optimizers
 */
export { AdaGrad, type AdaGradConfig, type AdaGradOptions } from './adagrad.js';
export { Adam, type AdamConfig, type AdamOptions } from './adam.js';
export { type CreateOptimizerOptions, createOptimizer } from './create-optimizer.js';
export { optimizerFromConfig, scheduleFromConfig } from './from-config.js';
export type { Optimizer, OptimizerConfig, OptimizerState } from './optimizer.js';
export { RMSprop, type RMSpropConfig, type RMSpropOptions } from './rmsprop.js';
export {
  type CosineDecayOptions,
  cosineDecay,
  type DescribedSchedule,
  type ExponentialDecayOptions,
  exponentialDecay,
  type InverseTimeDecayOptions,
  inverseTimeDecay,
  type Schedule,
  type ScheduleConfig,
  type StepDecayOptions,
  stepDecay,
} from './schedules.js';
export { SGD, type SGDConfig, type SGDOptions } from './sgd.js';
