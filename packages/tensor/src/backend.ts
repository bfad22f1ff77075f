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
/** The scalars of one Adam step; see Backend.adamUpdate. */
export interface AdamStep {
  rate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** 1 − β₁ᵗ. */
  correction1: number;
  /** 1 − β₂ᵗ. */
  correction2: number;
}

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
  /**
   * One Adam step over a parameter, in place: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
   * w ← w − rate · (m / c₁) / (√(v / c₂) + ε), where c₁ = 1 − β₁ᵗ and c₂ = 1 − β₂ᵗ are the
   * bias corrections. The update touches every weight of the model once per step, so it
   * is a kernel rather than a loop in the optimizer.
   */
  adamUpdate(
    w: Float32Array,
    g: Float32Array,
    m: Float32Array,
    v: Float32Array,
    step: AdamStep,
  ): void;
  /** Row-wise softmax with the row maximum subtracted first. `out` may be `x`. */
  softmaxRows(x: Tensor, out: Tensor): Tensor;
  /** out[i] = the column index of the largest value of row i (the first, on ties). */
  argmaxRows(x: Tensor, out: Int32Array): Int32Array;
}
