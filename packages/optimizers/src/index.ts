/**
 * Optimizers (SGD with momentum and Nesterov, Adam, RMSprop, AdaGrad) with param groups,
 * and learning-rate schedules.
 *
 * @module @neunet/optimizers
 */
export {
  AdaGrad,
  type AdaGradConfig,
  type AdaGradHyperParams,
  type AdaGradOptions,
} from './adagrad.js';
export { Adam, type AdamConfig, type AdamHyperParams, type AdamOptions } from './adam.js';
export {
  type CreateOptimizerOptions,
  createOptimizer,
  isOptimizerName,
  type OptimizerName,
  optimizerNames,
} from './create-optimizer.js';
export { optimizerFromConfig, scheduleFromConfig } from './from-config.js';
export type {
  GroupState,
  HyperParams,
  Optimizer,
  OptimizerConfig,
  OptimizerState,
  ParamGroup,
  ParamGroupInit,
} from './optimizer.js';
export {
  RMSprop,
  type RMSpropConfig,
  type RMSpropHyperParams,
  type RMSpropOptions,
} from './rmsprop.js';
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
export { SGD, type SGDConfig, type SGDHyperParams, type SGDOptions } from './sgd.js';
