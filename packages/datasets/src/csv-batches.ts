import { checkOptions, optionKeys } from '@neunet/options';
import { Tensor } from '@neunet/tensor';
import Papa from 'papaparse';
import type { BatchSource } from './batches.js';
import { checkInteger } from './check.js';
import {
  classIndex,
  encodeFeatures,
  numberCell,
  planColumns,
  schemaOf,
  TABLE_OPTIONS,
  type TableOptions,
  type TableSchema,
} from './tabular.js';

/** Text or bytes of a CSV file, in chunks of any size (a Node read stream is one). */
export type TextChunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** Options of `csvBatches`. */
export interface CsvBatchOptions extends TableOptions {
  /** Rows per batch, an integer >= 1. Default 32. */
  batchSize?: number;
  /** The field separator. Default ','. */
  delimiter?: string;
}

export const CSV_BATCH_OPTIONS = optionKeys<CsvBatchOptions>()([
  ...TABLE_OPTIONS,
  'batchSize',
  'delimiter',
]);

/**
 * A CSV file too large for memory as a `BatchSource`. `open()` is called once per pass and
 * must return the file's chunks from the start (e.g. `() => fs.createReadStream(path)`);
 * rows are parsed as the chunks arrive and yielded in file order, `batchSize` at a time.
 *
 * Nothing is read ahead, so the schema must be known: a class target needs `classNames`,
 * feature columns are numeric unless listed in `categories` (one-hot, as `parseCsv`).
 * Throws, naming the line and column, on a row that does not fit. Only '\n' and '\r\n'
 * line ends are recognised.
 */
export function csvBatches(open: () => TextChunks, options: CsvBatchOptions): BatchSource {
  checkOptions('csvBatches', options, CSV_BATCH_OPTIONS);
  const fn = 'csvBatches';
  const { batchSize = 32 } = options;
  checkInteger(fn, 'batchSize', batchSize, 1);
  const regression = options.targetType === 'number';
  if (!regression && !options.classNames) {
    throw new Error(
      `${fn}: a class target needs classNames, since a stream cannot be scanned for them first; ` +
        "expected classNames, or targetType: 'number'",
    );
  }
  return {
    async *[Symbol.asyncIterator]() {
      let header: string[] | undefined;
      let plan: ReturnType<typeof planColumns> | undefined;
      let schema: TableSchema | undefined;
      let toClass: ((v: string, where: string) => number) | undefined;
      let line = 0;
      let x: Float32Array | undefined;
      let y: Float32Array | Int32Array | undefined;
      let filled = 0;
      const flush = () => {
        const width = schema!.featureNames.length;
        const batch = {
          x: new Tensor(x!.slice(0, filled * width), [filled, width]),
          y: regression
            ? new Tensor(y!.slice(0, filled) as Float32Array, [filled, 1])
            : (y!.slice(0, filled) as Int32Array),
        };
        filled = 0;
        return batch;
      };
      for await (const row of csvRows(open(), options.delimiter ?? ',')) {
        line++;
        if (!header) {
          header = row.map((h) => h.trim());
          plan = planColumns(fn, header, options);
          schema = schemaOf(
            plan.featureIdx.map((j) => {
              const categories = options.categories?.[header![j]!];
              return categories
                ? { name: header![j]!, categories: [...categories] }
                : { name: header![j]! };
            }),
          );
          if (!regression) toClass = classIndex(fn, options.classNames!, options.target);
          x = new Float32Array(batchSize * schema.featureNames.length);
          y = regression ? new Float32Array(batchSize) : new Int32Array(batchSize);
          continue;
        }
        if (row.length === 1 && row[0]!.trim() === '') continue;
        const where = `line ${line}`;
        if (row.length !== header.length) {
          throw new Error(
            `${fn}: ${where} has ${row.length} fields; expected ${header.length} like the header`,
          );
        }
        encodeFeatures(
          fn,
          schema!,
          plan!.featureIdx.map((j) => row[j]),
          x!,
          filled,
          () => where,
        );
        const t = row[plan!.targetIdx]!;
        y![filled] = regression
          ? numberCell(fn, t, options.target, where)
          : toClass!(t.trim(), where);
        filled++;
        if (filled === batchSize) yield flush();
      }
      if (!header) throw new Error(`${fn}: the file is empty; expected a header row`);
      if (filled > 0) yield flush();
    },
  };
}

/**
 * The rows of CSV text arriving in chunks, parsed by Papa Parse. Each chunk is parsed
 * up to its last complete row; the rest waits for the next chunk.
 */
async function* csvRows(chunks: TextChunks, delimiter: string): AsyncGenerator<string[]> {
  const decoder = new TextDecoder();
  let parser: Papa.Parser | undefined;
  let pending = '';
  const take = function* (final: boolean): Generator<string[]> {
    if (!parser) {
      const nl = pending.indexOf('\n');
      if (nl < 0 && !final) return;
      parser = new Papa.Parser({
        delimiter,
        newline: nl > 0 && pending[nl - 1] === '\r' ? '\r\n' : '\n',
      });
    }
    const result = parser.parse(pending, 0, !final) as Papa.ParseResult<string[]>;
    const error = result.errors[0];
    if (error) throw new Error(`csvBatches: ${error.message}; expected well-formed CSV`);
    pending = final ? '' : pending.slice(result.meta.cursor);
    yield* result.data;
  };
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* take(false);
  }
  pending += decoder.decode();
  if (pending !== '') yield* take(true);
}
