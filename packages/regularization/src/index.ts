/**
 * Regularization for NeuNet: the layers `BatchNormalization` and `Dropout`, and the weight
 * regularizers `l1`, `l2` and `l1l2` for a layer's `kernelRegularizer` and `biasRegularizer`
 * (Keras's `L1`, `L2` and `L1L2`). `@neunet/model` registers all of them, so a saved model
 * that uses them loads with `NeuralNetwork.load(path)` alone.
 *
 * @module @neunet/regularization
 */
export type { Regularizer, RegularizerConfig } from '@neunet/tensor';
export { BatchNormalization, type BatchNormalizationOptions } from './batch-normalization.js';
export { Dropout, type DropoutOptions } from './dropout.js';
export { registerRegularization } from './register.js';
export { L1, L1L2, type L1L2Options, L2, l1, l1l2, l2 } from './regularizers.js';
