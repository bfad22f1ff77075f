// BatchNormalization and Dropout live in @neunet/layers, which registers them so that a
// saved model loads without naming them; this package keeps its import path working.
export {
  BatchNormalization,
  type BatchNormalizationOptions,
  Dropout,
  type DropoutOptions,
} from '@neunet/layers';
