import { checkOptions, optionKeys } from '@neunet/options';
import { Rng, Tensor } from '@neunet/tensor';
import { checkInteger, checkSeed } from './check.js';

/** One mini-batch: inputs [b, ...] and their targets, b >= 1 rows. */
export interface Batch {
  x: Tensor;
  /** Class indices (length b) or a target Tensor [b, outputs]. */
  y: Int32Array | Tensor;
}

/**
 * Mini-batches for data that need not fit in memory. Each `for await` over the source is
 * one pass (one epoch): a source must start a fresh pass every time its
 * `[Symbol.asyncIterator]()` is called. Every batch of a pass has the same trailing shape
 * of `x` and the same kind of `y`; the last may have fewer rows. A batch is the
 * consumer's to keep: the source does not reuse its buffers.
 */
export type BatchSource = AsyncIterable<Batch>;

/** Options of `batchesFromArrays`. */
export interface BatchOptions {
  /** Rows per batch, an integer >= 1. Default 32. */
  batchSize?: number;
  /** A new order of the rows every pass (default true). */
  shuffle?: boolean;
  /** Seeds the pass orders: pass k of two sources with one seed is the same. */
  seed?: number;
  /** Leave out a last batch smaller than batchSize (default false). */
  dropLast?: boolean;
}

const OPTIONS = optionKeys<BatchOptions>()(['batchSize', 'shuffle', 'seed', 'dropLast']);

/** True for a `BatchSource` (anything async-iterable), false for a Tensor or an array. */
export function isBatchSource(value: unknown): value is BatchSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<BatchSource>)[Symbol.asyncIterator] === 'function'
  );
}

/**
 * In-memory arrays as a `BatchSource`: each pass yields the rows in batches of
 * `batchSize`, reshuffled for every pass from one seeded Rng, so pass k is the same for
 * the same seed. `y` is class indices or a Tensor with one row per sample.
 */
export function batchesFromArrays(
  X: Tensor,
  y: Int32Array | Tensor,
  options: BatchOptions = {},
): BatchSource {
  checkOptions('batchesFromArrays', options, OPTIONS);
  const fn = 'batchesFromArrays';
  const { batchSize = 32, shuffle = true, seed, dropLast = false } = options;
  checkInteger(fn, 'batchSize', batchSize, 1);
  checkSeed(fn, seed);
  const n = X.shape[0] ?? 0;
  const ny = ArrayBuffer.isView(y) ? y.length : (y.shape[0] ?? 0);
  if (X.shape.length < 1 || n !== ny) {
    throw new Error(`${fn}: X has ${n} rows but y has ${ny}; expected one target per row`);
  }
  if (n === 0) throw new Error(`${fn}: X has no rows; expected at least one`);
  const rng = new Rng(seed);
  return {
    async *[Symbol.asyncIterator]() {
      const order = shuffle ? rng.permutation(n) : Int32Array.from({ length: n }, (_, i) => i);
      const end = dropLast ? n - (n % batchSize) : n;
      for (let start = 0; start < end; start += batchSize) {
        const idx = order.subarray(start, Math.min(start + batchSize, end));
        yield {
          x: gatherRows(X, idx),
          y: ArrayBuffer.isView(y) ? gatherLabels(y, idx) : gatherRows(y, idx),
        };
      }
    },
  };
}

/** Rows `idx` of t, copied: [idx.length, ...t.shape.slice(1)]. */
export function gatherRows(t: Tensor, idx: ArrayLike<number>): Tensor {
  const n = t.shape[0] ?? 0;
  const w = n === 0 ? 0 : t.data.length / n;
  const out = new Float32Array(idx.length * w);
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i]!;
    if (!(Number.isInteger(r) && r >= 0 && r < n)) {
      throw new Error(
        `selectRows: index ${r} at position ${i} is out of range; expected 0..${n - 1}`,
      );
    }
    out.set(t.data.subarray(r * w, r * w + w), i * w);
  }
  return new Tensor(out, [idx.length, ...t.shape.slice(1)]);
}

export function gatherLabels(y: Int32Array, idx: ArrayLike<number>): Int32Array {
  const out = new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i]!;
    if (!(Number.isInteger(r) && r >= 0 && r < y.length)) {
      throw new Error(
        `selectRows: index ${r} at position ${i} is out of range; expected 0..${y.length - 1}`,
      );
    }
    out[i] = y[r]!;
  }
  return out;
}

/** The rows `idx` of a Tensor or the entries `idx` of class indices, copied, in that order. */
export function selectRows(values: Tensor, idx: ArrayLike<number>): Tensor;
export function selectRows(values: Int32Array, idx: ArrayLike<number>): Int32Array;
export function selectRows(
  values: Tensor | Int32Array,
  idx: ArrayLike<number>,
): Tensor | Int32Array;
export function selectRows(
  values: Tensor | Int32Array,
  idx: ArrayLike<number>,
): Tensor | Int32Array {
  return ArrayBuffer.isView(values) ? gatherLabels(values, idx) : gatherRows(values, idx);
}
