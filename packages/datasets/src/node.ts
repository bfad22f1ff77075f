/**
 * The Node.js-only part of `@neunet/datasets`: files (CSV, IDX) and the MNIST digits.
 *
 * @module @neunet/datasets/node
 */
export { csvFileBatches, readCsv } from './node/csv-file.js';
export { readIdx, readIdxDataset, writeIdx } from './node/idx-file.js';
