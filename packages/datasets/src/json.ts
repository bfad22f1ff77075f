import { checkOptions } from '@neunet/options';
import {
  buildTable,
  type Cell,
  type ClassTable,
  type RegressionTable,
  TABLE_OPTIONS,
  type TableOptions,
} from './tabular.js';

/**
 * Reads an array of records (`[{ "a": 1, "label": "x" }, ...]`), given as JSON text or as
 * parsed values, into a data set with the same rules as `parseCsv`: the columns are the
 * first record's keys; numbers (and numeric strings) are numeric, other strings and
 * booleans categorical. A record missing a key, or holding null, is an error.
 */
export function parseJsonArray(
  json: string | readonly unknown[],
  options: TableOptions & { targetType: 'number' },
): RegressionTable;
export function parseJsonArray(
  json: string | readonly unknown[],
  options: TableOptions & { targetType?: 'class' },
): ClassTable;
export function parseJsonArray(
  json: string | readonly unknown[],
  options: TableOptions,
): ClassTable | RegressionTable;
export function parseJsonArray(
  json: string | readonly unknown[],
  options: TableOptions,
): ClassTable | RegressionTable {
  checkOptions('parseJsonArray', options, TABLE_OPTIONS);
  const fn = 'parseJsonArray';
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (!Array.isArray(value) || value.length === 0) {
    throw new Error(
      `${fn}: the input is ${Array.isArray(value) ? 'an empty array' : typeof value}; expected a non-empty array of records`,
    );
  }
  const records = value.map((rec: unknown, i) => {
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
      throw new Error(
        `${fn}: element ${i} is ${Array.isArray(rec) ? 'an array' : String(rec)}; expected a record`,
      );
    }
    return rec as Record<string, unknown>;
  });
  const header = Object.keys(records[0]!);
  const rows = records.map((rec, i) =>
    header.map((key): Cell => {
      const v = rec[key];
      if (
        v === undefined ||
        v === null ||
        typeof v === 'string' ||
        typeof v === 'number' ||
        typeof v === 'boolean'
      ) {
        return v;
      }
      throw new Error(
        `${fn}: element ${i}, key "${key}" is ${JSON.stringify(v)}; expected a number, string or boolean`,
      );
    }),
  );
  return buildTable(fn, header, rows, options, (r) => `element ${r}`);
}
