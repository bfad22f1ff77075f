import { getBackend } from './registry.js';
import { subview } from './views.js';

/** A nested array of numbers as users write them: `[[1, 2], [3, 4]]`. */
export type NestedArray = number[] | NestedArray[];

/**
 * The shape of one sample, the batch axis excluded (Keras's convention): `[features]`,
 * `[time, features]`, `[height, width, channels]`. A batch of them is a Tensor of shape
 * `[batch, ...shape]`.
 */
export type Shape = readonly number[];

/**
 * A dense, row-major float32 array with a shape. `data` and `shape` are public: kernels
 * read and write `data` directly, and a Tensor may be a view on a larger buffer.
 */
export class Tensor {
  readonly data: Float32Array;
  readonly shape: readonly number[];

  constructor(data: Float32Array, shape: readonly number[]);
  constructor(nested: NestedArray);
  constructor(data: Float32Array | NestedArray, shape?: readonly number[]) {
    if (data instanceof Float32Array) {
      if (shape === undefined) throw new Error('new Tensor(data, shape): shape is required');
      assertShape(shape);
      const size = shape.reduce((a, b) => a * b, 1);
      if (size !== data.length) {
        throw new Error(
          `new Tensor: shape [${shape.join(', ')}] holds ${size} values but data has ${data.length}`,
        );
      }
      this.data = data;
      this.shape = [...shape];
    } else {
      const { values, shape: inferred } = flatten(data);
      this.data = Float32Array.from(values);
      this.shape = inferred;
    }
  }

  static zeros(shape: readonly number[]): Tensor {
    assertShape(shape);
    return new Tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)), shape);
  }

  /**
   * Zeros in the current backend's memory: its kernels use such a tensor in place (a view
   * on WebAssembly memory under the wasm backend). For weights and buffers that kernels
   * read and write on every step.
   */
  static allocate(shape: readonly number[]): Tensor {
    assertShape(shape);
    return new Tensor(getBackend().allocate(shape.reduce((a, b) => a * b, 1)), shape);
  }

  static filled(shape: readonly number[], value: number): Tensor {
    const t = Tensor.zeros(shape);
    t.data.fill(value);
    return t;
  }

  /** Number of rows of a matrix (the first dimension). */
  get rows(): number {
    return this.shape[0] ?? 1;
  }

  /** Number of values per row (the product of all but the first dimension). */
  get cols(): number {
    return this.shape.length <= 1 ? (this.shape[0] ?? 1) : this.data.length / this.rows;
  }

  get size(): number {
    return this.data.length;
  }

  clone(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }

  /**
   * The same values under another shape, as a view that shares this tensor's memory (no
   * copy). One dimension may be -1: it takes whatever size the others leave.
   */
  reshape(shape: Shape): Tensor {
    const known = shape.reduce((a, d) => (d === -1 ? a : a * d), 1);
    const free = shape.filter((d) => d === -1).length;
    const fits = free === 0 ? known === this.size : known > 0 && this.size % known === 0;
    if (free > 1 || !fits || shape.some((d) => !(Number.isInteger(d) && d >= -1))) {
      throw new Error(
        `Tensor.reshape: cannot view shape [${this.shape.join(', ')}] (${this.size} values) as [${shape.join(', ')}]` +
          (free > 1 ? '; at most one dimension may be -1' : ''),
      );
    }
    return new Tensor(
      this.data,
      shape.map((d) => (d === -1 ? this.size / known : d)),
    );
  }

  /** Rows [start, end) as a view that shares this tensor's memory. */
  sliceRows(start: number, end: number): Tensor {
    const c = this.shape.length === 1 ? 1 : this.cols;
    return new Tensor(subview(this.data, start * c, end * c), [
      end - start,
      ...this.shape.slice(1),
    ]);
  }

  get(row: number, col = 0): number {
    return this.data[row * this.cols + col] as number;
  }

  toArray(): number[][] {
    const out: number[][] = [];
    const c = this.cols;
    for (let r = 0; r < this.rows; r++) out.push(Array.from(this.data.subarray(r * c, r * c + c)));
    return out;
  }
}

function assertShape(shape: readonly number[]): void {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new Error(
        `Tensor shape [${shape.join(', ')}]: every dimension must be an integer >= 0`,
      );
    }
  }
}

function flatten(nested: NestedArray): { values: number[]; shape: number[] } {
  const shape: number[] = [];
  for (let level: unknown = nested; Array.isArray(level); level = level[0])
    shape.push(level.length);
  const values: number[] = [];
  const walk = (node: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof node !== 'number') {
        throw new Error(`new Tensor: element ${path} is ${typeof node}, expected a number`);
      }
      values.push(node);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new Error(
        `new Tensor: ragged array at ${path || 'the top level'}: expected ${shape[depth]} entries`,
      );
    }
    node.forEach((child, i) => {
      walk(child, depth + 1, `${path}[${i}]`);
    });
  };
  walk(nested, 0, '');
  return { values, shape };
}
