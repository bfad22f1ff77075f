/**
 * The Node.js-only part of `@neunet/datasets`: reading CSV and IDX files (the MNIST digits
 * are the opt-in `@neunet/mnist`).
 *
 * @module @neunet/datasets/node
 */
export { csvFileBatches, readCsv } from './node/csv-file.js';
export { readIdx, readIdxDataset, writeIdx } from './node/idx-file.js';
