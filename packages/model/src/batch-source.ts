import type { Tensor } from '@neunet/tensor';

/** One batch as a data loader hands it over. */
export interface Batch {
  x: Tensor;
  y: Int32Array | Tensor;
}

/**
 * Batches for data that need not fit in memory. Each epoch starts a new pass with
 * `[Symbol.asyncIterator]()`, so the source must be re-iterable (an object such as
 * @neunet/datasets' BatchSource, not a generator object, which runs once).
 */
export type BatchIterable = AsyncIterable<Batch>;

export function isBatchIterable(value: unknown): value is BatchIterable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}
