export { csvFileBatches, readCsv } from './node/csv-file.js';
export { readIdx, readIdxDataset, writeIdx } from './node/idx-file.js';
