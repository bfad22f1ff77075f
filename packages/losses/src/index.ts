/**
 * Loss functions (categorical and binary cross-entropy, mean squared and absolute error)
 * with optional L1/L2 weight penalties.
 *
 * @module @neunet/losses
 */
export { BinaryCrossentropy } from './binary-crossentropy.js';
export { CategoricalCrossentropy } from './categorical-crossentropy.js';
export { lossFromConfig } from './from-config.js';
export type { Loss, LossConfig, LossOptions, LossTask } from './loss.js';
export { MeanAbsoluteError } from './mean-absolute-error.js';
export { MeanSquaredError } from './mean-squared-error.js';
export type { Target } from './target.js';
export { WeightPenalty, type WeightPenaltyOptions } from './weight-penalty.js';
