import type { Tensor } from './tensor.js';

/**
 * The element-wise activations the backends implement as named kernels (a closure could
 * not run inside WebAssembly). `leakyRelu` takes a slope `alpha` for negative inputs.
 */
export type ActivationKind = 'linear' | 'relu' | 'leakyRelu' | 'sigmoid' | 'tanh';

/**
 * The primitive kernels everything else is built on. Every kernel writes into an `out`
 * tensor that the caller owns, so a training loop can reuse its buffers and allocate
 * nothing per step. `out` may alias an input where the kernel says so.
 */
export interface Backend {
  readonly name: string;
  /**
   * A zero-filled array of `size` values in this backend's memory, which its kernels
   * read without copying (a view on WebAssembly memory for the wasm backend). Layers
   * allocate their weights and buffers with it.
   */
  allocate(size: number): Float32Array;
  /** out = op(a) · op(b), where op transposes when its flag is set. */
  matmul(a: Tensor, b: Tensor, out: Tensor, transA?: boolean, transB?: boolean): Tensor;
  /** out[i, j] = x[i, j] + bias[j]. `out` may be `x`. */
  addBias(x: Tensor, bias: Tensor, out: Tensor): Tensor;
  /** out[j] = Σ_i x[i, j]: the sum down each column (a bias gradient). */
  sumColumns(x: Tensor, out: Tensor): Tensor;
  /** out[i] = Σ_j x[i, j]: the sum along each row. */
  sumRows(x: Tensor, out: Tensor): Tensor;
  /**
   * out = act(x · w + bias): a Dense layer's forward pass, with the bias and the
   * activation applied while the product is written out rather than in extra passes.
   */
  dense(
    x: Tensor,
    w: Tensor,
    bias: Tensor,
    out: Tensor,
    activation?: ActivationKind,
    alpha?: number,
  ): Tensor;
  /** out = act(x) element-wise. `out` may be `x`. */
  activation(kind: ActivationKind, x: Tensor, out: Tensor, alpha?: number): Tensor;
  /**
   * out = dy ⊙ act'(x), computed from the activation's output `y` (every kind's
   * derivative is a function of y; for the ReLUs, y > 0 exactly when x > 0). `out` may
   * be `dy`.
   */
  activationBackward(
    kind: ActivationKind,
    y: Tensor,
    dy: Tensor,
    out: Tensor,
    alpha?: number,
  ): Tensor;
  /** Row-wise softmax with the row maximum subtracted first. `out` may be `x`. */
  softmaxRows(x: Tensor, out: Tensor): Tensor;
  /** out[i] = the column index of the largest value of row i (the first, on ties). */
  argmaxRows(x: Tensor, out: Int32Array): Int32Array;
}
