export { BatchNormalization, type BatchNormalizationOptions } from './batch-normalization.js';
export { Dropout, type DropoutOptions } from './dropout.js';
