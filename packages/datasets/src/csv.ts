import { checkOptions, optionKeys } from '@neunet/options';
import Papa from 'papaparse';
import {
  buildTable,
  type ClassTable,
  type RegressionTable,
  TABLE_OPTIONS,
  type TableOptions,
} from './tabular.js';

/** Options of `parseCsv`. */
export interface CsvOptions extends TableOptions {
  /** The field separator. Default ','. */
  delimiter?: string;
}

export const CSV_OPTIONS = optionKeys<CsvOptions>()([...TABLE_OPTIONS, 'delimiter']);

/**
 * Parses CSV text with a header row (with Papa Parse, so quoted fields, embedded commas
 * and newlines work) into a data set. Numeric feature columns go into X as they are;
 * categorical ones (any value that is not a number, or listed in `categories`) become
 * one-hot columns named `column=value`. The `target` column becomes class indices with
 * their `classNames`, or with `targetType: 'number'` a Tensor [N, 1].
 *
 * Throws, naming the line and column, on a row with the wrong number of fields, an empty
 * cell, a malformed quote, or a target value missing from a given `classNames`.
 */
export function parseCsv(
  text: string,
  options: CsvOptions & { targetType: 'number' },
): RegressionTable;
export function parseCsv(text: string, options: CsvOptions & { targetType?: 'class' }): ClassTable;
export function parseCsv(text: string, options: CsvOptions): ClassTable | RegressionTable;
export function parseCsv(text: string, options: CsvOptions): ClassTable | RegressionTable {
  checkOptions('parseCsv', options, CSV_OPTIONS);
  const parsed = Papa.parse<string[]>(text, {
    delimiter: options.delimiter ?? ',',
    skipEmptyLines: 'greedy',
  });
  const error = parsed.errors[0];
  if (error) {
    throw new Error(
      `parseCsv: ${error.message} at data row ${(error.row ?? 0) + 1}; expected well-formed CSV`,
    );
  }
  const [header, ...rows] = parsed.data;
  if (!header) throw new Error('parseCsv: the text is empty; expected a header row');
  return buildTable(
    'parseCsv',
    header.map((h) => h.trim()),
    rows,
    options,
    // Papa drops blank lines, so "data row" counts rows after the header.
    (r) => `data row ${r + 1}`,
  );
}
