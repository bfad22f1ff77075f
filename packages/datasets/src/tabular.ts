import { optionKeys } from '@neunet/options';
import { Tensor } from '@neunet/tensor';

/** A cell as read from a file: CSV gives strings, JSON numbers or strings. */
export type Cell = string | number | boolean | null | undefined;

/** Options shared by the table loaders. */
export interface TableOptions {
  /** The column to predict. */
  target: string;
  /**
   * 'class' (default): the target's values are class names, label-encoded into `y`
   * (sorted, numerically if all are numbers, unless `classNames` fixes the order).
   * 'number': the target is a real value and `y` is a Tensor [N, 1].
   */
  targetType?: 'class' | 'number';
  /** The class names in label order; a value not among them is an error. */
  classNames?: readonly string[];
  /** The feature columns, in this order. Default: every column but the target. */
  features?: readonly string[];
  /**
   * The categories of categorical feature columns, in one-hot column order. A feature
   * column not listed here is numeric if every value is a number, else categorical with
   * its sorted distinct values as categories.
   */
  categories?: Readonly<Record<string, readonly string[]>>;
}

export const TABLE_OPTIONS = optionKeys<TableOptions>()([
  'target',
  'targetType',
  'classNames',
  'features',
  'categories',
]);

/** How a table's values become the columns of X. */
export interface TableSchema {
  /** The names of X's columns; a categorical column `c` with value `v` is `c=v`. */
  featureNames: string[];
  /** For each source feature column: numeric, or its categories (one-hot). */
  columns: { name: string; categories?: string[] }[];
}

/** A table with a class target. */
export interface ClassTable extends TableSchema {
  X: Tensor;
  y: Int32Array;
  classNames: string[];
}

/** A table with a numeric target. */
export interface RegressionTable extends TableSchema {
  X: Tensor;
  y: Tensor;
}

/** The text of a cell, trimmed, or undefined when it is missing. */
export function cellText(v: Cell): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** A cell's number, or NaN if it is not one. */
export function cellNumber(v: Cell): number {
  if (typeof v === 'number') return v;
  const s = cellText(v);
  return s === undefined ? Number.NaN : Number(s);
}

/**
 * Encodes a table (column names and rows of cells) as a data set. `where(i)` names row i
 * in errors (e.g. its line in the file). Missing cells are errors: nothing is filled in.
 */
export function buildTable(
  fn: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions,
  where: (row: number) => string,
): ClassTable | RegressionTable {
  const plan = planColumns(fn, header, options);
  rows.forEach((row, r) => {
    if (row.length !== header.length) {
      throw new Error(
        `${fn}: ${where(r)} has ${row.length} fields; expected ${header.length} like the header`,
      );
    }
    for (const j of [...plan.featureIdx, plan.targetIdx]) {
      if (cellText(row[j]) === undefined) {
        throw new Error(
          `${fn}: ${where(r)}, column "${header[j]}" is empty; expected a value (drop or fill missing values first)`,
        );
      }
    }
  });
  const columns = plan.featureIdx.map((j) => {
    const name = header[j]!;
    const given = options.categories?.[name];
    if (given) return { name, categories: [...given] };
    if (rows.every((row) => Number.isFinite(cellNumber(row[j])))) return { name };
    return { name, categories: sortedDistinct(rows.map((row) => cellText(row[j])!)) };
  });
  const schema = schemaOf(columns);
  const X = Tensor.zeros([rows.length, schema.featureNames.length]);
  rows.forEach((row, r) => {
    encodeFeatures(
      fn,
      schema,
      plan.featureIdx.map((j) => row[j]),
      X.data,
      r,
      where,
    );
  });
  const target = header[plan.targetIdx]!;
  if (options.targetType === 'number') {
    const y = Tensor.zeros([rows.length, 1]);
    rows.forEach((row, r) => {
      y.data[r] = numberCell(fn, row[plan.targetIdx], target, where(r));
    });
    return { ...schema, X, y };
  }
  const classNames = options.classNames
    ? [...options.classNames]
    : sortedDistinct(rows.map((row) => cellText(row[plan.targetIdx])!));
  const encoder = classIndex(fn, classNames, target);
  const y = new Int32Array(rows.length);
  rows.forEach((row, r) => {
    y[r] = encoder(cellText(row[plan.targetIdx])!, where(r));
  });
  return { ...schema, X, y, classNames };
}

/** Which source columns feed X and which is the target. */
export function planColumns(
  fn: string,
  header: readonly string[],
  options: TableOptions,
): { featureIdx: number[]; targetIdx: number } {
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h))
      throw new Error(`${fn}: the header names column "${h}" twice; expected unique names`);
    seen.add(h);
  }
  const find = (name: string, what: string): number => {
    const j = header.indexOf(name);
    if (j < 0) {
      throw new Error(
        `${fn}: ${what} "${name}" is not a column; the columns are ${header.map((h) => `"${h}"`).join(', ')}`,
      );
    }
    return j;
  };
  const targetIdx = find(options.target, 'target');
  const featureIdx = options.features
    ? options.features.map((f) => find(f, 'feature'))
    : header.map((_, j) => j).filter((j) => j !== targetIdx);
  if (featureIdx.includes(targetIdx)) {
    throw new Error(
      `${fn}: "${options.target}" is both the target and a feature; expected it only as the target`,
    );
  }
  if (featureIdx.length === 0)
    throw new Error(`${fn}: no feature columns; expected at least one besides the target`);
  if (
    options.targetType !== undefined &&
    options.targetType !== 'class' &&
    options.targetType !== 'number'
  ) {
    throw new Error(
      `${fn}: targetType is ${String(options.targetType)}; expected 'class' or 'number'`,
    );
  }
  return { featureIdx, targetIdx };
}

export function schemaOf(columns: { name: string; categories?: string[] }[]): TableSchema {
  const featureNames = columns.flatMap((c) =>
    c.categories ? c.categories.map((v) => `${c.name}=${v}`) : [c.name],
  );
  return { featureNames, columns };
}

/** Writes one row's features into row `r` of `out` (numbers as they are, categories one-hot). */
export function encodeFeatures(
  fn: string,
  schema: TableSchema,
  cells: readonly Cell[],
  out: Float32Array,
  r: number,
  where: (row: number) => string,
): void {
  let o = r * schema.featureNames.length;
  schema.columns.forEach((col, c) => {
    const cell = cells[c];
    if (!col.categories) {
      out[o++] = numberCell(fn, cell, col.name, where(r));
      return;
    }
    const text = cellText(cell);
    const at = text === undefined ? -1 : col.categories.indexOf(text);
    if (at < 0) {
      throw new Error(
        `${fn}: ${where(r)}, column "${col.name}" is ${JSON.stringify(text ?? '')}; expected one of its categories ` +
          col.categories.map((v) => JSON.stringify(v)).join(', '),
      );
    }
    out.fill(0, o, o + col.categories.length);
    out[o + at] = 1;
    o += col.categories.length;
  });
}

export function numberCell(fn: string, cell: Cell, column: string, where: string): number {
  const v = cellNumber(cell);
  if (!Number.isFinite(v)) {
    throw new Error(
      `${fn}: ${where}, column "${column}" is ${JSON.stringify(cell ?? '')}; expected a finite number`,
    );
  }
  return v;
}

/** Maps a class name to its index, or throws naming the unknown value. */
export function classIndex(fn: string, classNames: readonly string[], target: string) {
  if (new Set(classNames).size !== classNames.length) {
    throw new Error(`${fn}: classNames has duplicates; expected distinct names`);
  }
  const index = new Map(classNames.map((c, i) => [c, i]));
  return (value: string, where: string): number => {
    const i = index.get(value);
    if (i === undefined) {
      throw new Error(
        `${fn}: ${where}, target "${target}" is ${JSON.stringify(value)}, which is not among classNames ` +
          classNames.map((c) => JSON.stringify(c)).join(', '),
      );
    }
    return i;
  };
}

/** Distinct values, sorted numerically when all are numbers, else by code unit. */
export function sortedDistinct(values: readonly string[]): string[] {
  const distinct = [...new Set(values)];
  if (distinct.every((v) => Number.isFinite(Number(v))))
    return distinct.sort((a, b) => Number(a) - Number(b));
  return distinct.sort();
}
