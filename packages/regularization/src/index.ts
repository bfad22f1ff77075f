/**
 * Layers that regularise training: `BatchNormalization` and `Dropout`.
 *
 * @module @neunet/regularization
 */
export { BatchNormalization, type BatchNormalizationOptions } from './batch-normalization.js';
export { Dropout, type DropoutOptions } from './dropout.js';
