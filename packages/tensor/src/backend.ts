import type { Tensor } from './tensor.js';

/**
 * The primitive kernels everything else is built on. Every kernel writes into an `out`
 * tensor that the caller owns, so a training loop can reuse its buffers and allocate
 * nothing per step. `out` may alias an input where the kernel says so.
 */
export interface Backend {
  readonly name: string;
  /** out = op(a) · op(b), where op transposes when its flag is set. */
  matmul(a: Tensor, b: Tensor, out: Tensor, transA?: boolean, transB?: boolean): Tensor;
  /** out[i, j] = x[i, j] + bias[j]. `out` may be `x`. */
  addBias(x: Tensor, bias: Tensor, out: Tensor): Tensor;
  /** out[j] = Σ_i x[i, j]: the sum down each column (a bias gradient). */
  sumColumns(x: Tensor, out: Tensor): Tensor;
  /** out[i] = Σ_j x[i, j]: the sum along each row. */
  sumRows(x: Tensor, out: Tensor): Tensor;
  /** out[i] = fn(x[i]). `out` may be `x`. */
  map(x: Tensor, fn: (v: number) => number, out: Tensor): Tensor;
  /** out[i] = fn(a[i], b[i]). `out` may be `a` or `b`. */
  zip(a: Tensor, b: Tensor, fn: (u: number, v: number) => number, out: Tensor): Tensor;
  /** Row-wise softmax with the row maximum subtracted first. `out` may be `x`. */
  softmaxRows(x: Tensor, out: Tensor): Tensor;
  /** out[i] = the column index of the largest value of row i (the first, on ties). */
  argmaxRows(x: Tensor, out: Int32Array): Int32Array;
}
