/**
 * Layers that regularise training: `BatchNormalization` and `Dropout`. They live in
 * `@neunet/layers`, which registers them so that a saved model loads without naming them;
 * this package keeps their import path.
 *
 * @module @neunet/regularization
 */
export {
  BatchNormalization,
  type BatchNormalizationOptions,
  Dropout,
  type DropoutOptions,
} from '@neunet/layers';
