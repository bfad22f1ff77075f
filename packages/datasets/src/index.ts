/**
 * Data sets and data handling that run anywhere: the spiral and other synthetic sets,
 * Iris, CSV/JSON/IDX parsing, splits, k-fold, scalers, encoders and batches.
 *
 * @module @neunet/datasets
 */
export {
  type Batch,
  type BatchOptions,
  type BatchSource,
  batchesFromArrays,
  isBatchSource,
  selectRows,
} from './batches.js';
export { type BlobsDataset, type BlobsOptions, makeBlobs } from './blobs.js';
export { type CheckerboardOptions, makeCheckerboard } from './checkerboard.js';
export { type CirclesOptions, makeCircles } from './circles.js';
export { type CsvOptions, parseCsv } from './csv.js';
export { type CsvBatchOptions, csvBatches, type TextChunks } from './csv-batches.js';
export {
  decodeIdx,
  encodeIdx,
  type IdxArray,
  type IdxType,
  idxToDataset,
  isGzip,
  parseIdx,
} from './idx.js';
export { loadIris, type NamedDataset } from './iris.js';
export { parseJsonArray } from './json.js';
export { type Fold, type KFoldOptions, kFold } from './k-fold.js';
export { LabelEncoder, type LabelEncoderJSON } from './label-encoder.js';
export { MinMaxScaler, type MinMaxScalerJSON } from './min-max-scaler.js';
export { type MoonsOptions, makeMoons } from './moons.js';
export { oneHot } from './one-hot.js';
export {
  type LinearDataset,
  type LinearOptions,
  makeLinear,
  makeSine,
  type RegressionDataset,
  type SineOptions,
} from './regression.js';
export { createData, type Dataset, type SpiralOptions } from './spiral.js';
export { StandardScaler, type StandardScalerJSON } from './standard-scaler.js';
export type {
  Cell,
  ClassTable,
  RegressionTable,
  TableOptions,
  TableSchema,
} from './tabular.js';
export {
  type TrainTestSplit,
  type TrainTestSplitOptions,
  trainTestSplit,
} from './train-test-split.js';
export { makeXor, type XorOptions } from './xor.js';
