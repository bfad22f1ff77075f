import type { Target } from '@neunet/losses';
import { type NestedArray, Tensor } from '@neunet/tensor';

/** Inputs as users pass them: a Tensor [N, features] or nested rows. */
export type Input = Tensor | NestedArray;

/** Turns X into a 2-D Tensor and checks that every value is finite. */
export function toInputTensor(X: Input, where: string): Tensor {
  const t = X instanceof Tensor ? X : new Tensor(X);
  if (t.shape.length !== 2) {
    throw new Error(
      `${where}: X must be 2-D [samples, features], got shape [${t.shape.join(', ')}]`,
    );
  }
  if (t.rows === 0) throw new Error(`${where}: X is empty (0 samples)`);
  assertFinite(t.data, t.cols, `${where}: X`);
  return t;
}

/**
 * Checks targets against the network's output width: sparse labels must be integers in
 * [0, classes) (0/1 for a single sigmoid output), and a target tensor must have one row
 * per sample and `width` columns.
 */
export function checkTarget(y: Target, rows: number, width: number, where: string): void {
  if (y instanceof Int32Array) {
    if (y.length !== rows) {
      throw new Error(`${where}: X has ${rows} samples but y has ${y.length} labels`);
    }
    const classes = width === 1 ? 2 : width;
    for (let i = 0; i < y.length; i++) {
      const label = y[i]!;
      if (label < 0 || label >= classes) {
        throw new Error(
          `${where}: label ${label} at index ${i} is outside [0, ${classes}); ` +
            `the network's output has ${width} unit${width === 1 ? '' : 's'}`,
        );
      }
    }
    return;
  }
  if (!(y instanceof Tensor)) {
    throw new Error(
      `${where}: y must be an Int32Array of class indices or a Tensor, got ${describe(y)}`,
    );
  }
  if (y.rows !== rows) {
    throw new Error(`${where}: X has ${rows} samples but y has ${y.rows} rows`);
  }
  if (y.shape.length !== 2 || y.cols !== width) {
    throw new Error(
      `${where}: y has shape [${y.shape.join(', ')}] but the network's output is [${rows}, ${width}]; ` +
        'a one-hot row must have one column per output unit',
    );
  }
  assertFinite(y.data, y.cols, `${where}: y`);
}

function assertFinite(data: Float32Array, cols: number, what: string): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) {
      const row = Math.floor(i / cols);
      throw new Error(
        `${what} holds ${data[i]} at row ${row}, column ${i - row * cols}; expected finite numbers`,
      );
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array (wrap labels in Int32Array.from(...))';
  return typeof value === 'object' ? (value.constructor?.name ?? 'an object') : typeof value;
}
