import { createReadStream, readFileSync } from 'node:fs';
import { checkOptions } from '@neunet/options';
import type { BatchSource } from '../batches.js';
import { CSV_OPTIONS, type CsvOptions, parseCsv } from '../csv.js';
import { CSV_BATCH_OPTIONS, type CsvBatchOptions, csvBatches } from '../csv-batches.js';
import type { ClassTable, RegressionTable } from '../tabular.js';

/** `parseCsv` on a file's text (UTF-8). */
export function readCsv(
  path: string,
  options: CsvOptions & { targetType: 'number' },
): RegressionTable;
export function readCsv(path: string, options: CsvOptions & { targetType?: 'class' }): ClassTable;
export function readCsv(path: string, options: CsvOptions): ClassTable | RegressionTable;
export function readCsv(path: string, options: CsvOptions): ClassTable | RegressionTable {
  checkOptions('readCsv', options, CSV_OPTIONS);
  return parseCsv(readFileSync(path, 'utf8'), options);
}

/** `csvBatches` over a file, read from the start with a fresh stream on every pass. */
export function csvFileBatches(path: string, options: CsvBatchOptions): BatchSource {
  checkOptions('csvFileBatches', options, CSV_BATCH_OPTIONS);
  return csvBatches(() => createReadStream(path), options);
}
