import type { Conv2DGeometry } from './conv-geometry.js';
import type { Rng } from './rng.js';
import type { Tensor } from './tensor.js';

/**
 * The element-wise activations the backends implement as named kernels (a closure could
 * not run inside WebAssembly), each defined once in activations.ts. `leakyRelu` takes a
 * slope `alpha` for negative inputs.
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

/** The reductions `reduceRows` and `reduceColumns` compute. */
export type ReduceKind = 'sum' | 'mean' | 'max';

/**
 * The losses the backends compute by name. With an Int32Array target, 'crossEntropy'
 * reads one class index per row; the element-wise kinds read one value per element.
 */
export type LossKind = 'meanSquared' | 'meanAbsolute' | 'binaryCrossEntropy' | 'crossEntropy';

/**
 * The per-batch sums `metricSum` computes: 'correct' counts the rows whose predicted class
 * (the arg max, or p ≥ 0.5 for one output) is the target's (a label, or the arg max or
 * p ≥ 0.5 of a target row); 'absoluteError' sums |p − y| over every value (a label counts
 * as the value of one output).
 */
export type MetricKind = 'correct' | 'absoluteError';

/** Targets of a loss: values with the prediction's layout, or one integer per row. */
export type LossTarget = Float32Array | Int32Array;

/**
 * A BatchNormalization layer's state, which `batchNorm` reads and writes: the running
 * statistics it folds each training batch into, and what the backward pass needs.
 */
export interface BatchNormState {
  readonly runningMean: Float32Array;
  readonly runningVar: Float32Array;
  /** Weight of the old running statistics in each update. */
  readonly momentum: number;
  /** Added to the variance before the square root. */
  readonly epsilon: number;
  /** Written by the forward pass: 1/√(var + ε) per feature, kept in double precision. */
  readonly invStd: Float64Array;
  /** Written by the forward pass: the normalised input, [rows, features]. */
  readonly xHat: Tensor;
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

  // Element-wise (a, b and out hold the same number of values; out may alias either).
  /** out = a + b. */
  add(a: Tensor, b: Tensor, out: Tensor): Tensor;
  /** out = a − b. */
  sub(a: Tensor, b: Tensor, out: Tensor): Tensor;
  /** out = a ⊙ b. */
  mul(a: Tensor, b: Tensor, out: Tensor): Tensor;
  /** out = max(a, b) (NaN where either is NaN). */
  maximum(a: Tensor, b: Tensor, out: Tensor): Tensor;
  /** out = s · x. */
  scale(x: Tensor, s: number, out: Tensor): Tensor;
  /** out = s · x + y. */
  axpy(s: number, x: Tensor, y: Tensor, out: Tensor): Tensor;
  /** out = min(limit, max(−limit, x)). */
  clamp(x: Tensor, limit: number, out: Tensor): Tensor;
  /**
   * `from` + Σ x²: `from` carries a running sum over several tensors, so a global norm
   * rounds as one sum.
   */
  sumSquares(x: Tensor, from?: number): number;
  /**
   * The index of the first value of x that is NaN or ±∞, or −1 when all are finite: the
   * check a training step makes on every gradient before it updates.
   */
  firstNonFinite(x: Tensor): number;

  // Reductions over one axis of a [rows, cols] tensor.
  /** out[i] = kind over row i (one value per row). */
  reduceRows(kind: ReduceKind, x: Tensor, out: Tensor): Tensor;
  /** out[j] = kind down column j (one value per column). */
  reduceColumns(kind: ReduceKind, x: Tensor, out: Tensor): Tensor;

  // Rows of a batch. A row is one sample: every value under one index of the first axis,
  // so these work on tensors of any rank ([batch, features], [batch, height, width,
  // channels], ...).
  /**
   * out row r = src row indices[r] (a shuffled batch). `out` has indices.length rows of
   * src's row shape; an index outside src's rows throws before anything is written.
   */
  gatherRows(src: Tensor, indices: Int32Array, out: Tensor): Tensor;

  // Softmax and the losses.
  /**
   * Softmax's backward from its output y: out = y ⊙ (dy − Σ_j dy·y) per row, the
   * Jacobian-vector product without the Jacobian. `out` may be `dy`.
   */
  softmaxBackward(y: Tensor, dy: Tensor, out: Tensor): Tensor;
  /** The mean loss of `pred` against `target`, probabilities clipped to [1e-7, 1 − 1e-7]. */
  loss(kind: LossKind, pred: Tensor, target: LossTarget): number;
  /** The loss's gradient with respect to `pred` (0 where a probability was clipped). */
  lossBackward(kind: LossKind, pred: Tensor, target: LossTarget, out: Tensor): Tensor;
  /**
   * The gradient of cross-entropy with respect to the logits of a Softmax whose output
   * is `prob`: (p − y)/N for N rows, one-hot or class-index targets.
   */
  softmaxCrossEntropyBackward(prob: Tensor, target: LossTarget, out: Tensor): Tensor;
  /** The same for a Sigmoid and binary cross-entropy: (p − y)/(N·K). */
  sigmoidCrossEntropyBackward(prob: Tensor, target: LossTarget, out: Tensor): Tensor;
  /**
   * A metric's sum over the batch (see MetricKind), which an epoch's accumulator divides
   * by its rows or values. `target` is labels (one per row) or values shaped as `pred`.
   */
  metricSum(kind: MetricKind, pred: Tensor, target: LossTarget): number;
  /** l1·Σ|w| + l2·Σw², a weight penalty's value. */
  penalty(w: Tensor, l1: number, l2: number): number;
  /** g += l1·sign(w) + 2·l2·w, a weight penalty's gradient. */
  penaltyBackward(w: Tensor, l1: number, l2: number, g: Tensor): Tensor;

  // Layers with state.
  /**
   * BatchNormalization over the rows of x: out = γ·x̂ + β. Training normalises with the
   * batch's mean and biased variance and folds them into the running statistics;
   * inference uses the running statistics. Writes `state.invStd` and `state.xHat`.
   */
  batchNorm(
    x: Tensor,
    gamma: Tensor,
    beta: Tensor,
    state: BatchNormState,
    training: boolean,
    out: Tensor,
  ): Tensor;
  /**
   * BatchNormalization's backward from the state the forward pass left: writes dx and
   * the gradients of γ and β.
   */
  batchNormBackward(
    dy: Tensor,
    gamma: Tensor,
    state: BatchNormState,
    training: boolean,
    dx: Tensor,
    dGamma: Tensor,
    dBeta: Tensor,
  ): Tensor;
  /**
   * Inverted dropout: draws one `rng.uniform()` per value in order, keeps it with
   * probability 1 − rate scaled by 1/(1 − rate), writes the factors to `mask` and
   * out = x · factor. The backward pass is `mul(dy, mask, dx)`.
   */
  dropout(x: Tensor, rate: number, rng: Rng, mask: Tensor, out: Tensor): Tensor;

  // Optimizer updates, in place on the weights and their slots.
  /**
   * SGD in the Keras form: v ← μv − rate·g, w ← w + v (Nesterov: w ← w + μv − rate·g);
   * plain w ← w − rate·g when μ is 0 (then `velocity` is not read).
   */
  sgdUpdate(
    w: Float32Array,
    g: Float32Array,
    velocity: Float32Array | undefined,
    rate: number,
    momentum: number,
    nesterov: boolean,
  ): void;
  /** RMSprop: c ← ρc + (1 − ρ)g², w ← w − rate·g/(√c + ε). */
  rmspropUpdate(
    w: Float32Array,
    g: Float32Array,
    cache: Float32Array,
    rate: number,
    rho: number,
    epsilon: number,
  ): void;
  /** AdaGrad: c ← c + g², w ← w − rate·g/(√c + ε). */
  adagradUpdate(
    w: Float32Array,
    g: Float32Array,
    cache: Float32Array,
    rate: number,
    epsilon: number,
  ): void;

  // Convolution and pooling over NHWC tensors [batch, height, width, channels], with
  // kernels [kh, kw, inChannels, outChannels] (the Keras and TensorFlow.js layouts). The
  // geometry (see conv-geometry.ts) gives one sample's shapes, strides, dilation and
  // padding; the batch size is read from the tensors. Every op writes all of its output.
  /**
   * out = act(conv(x, kernel) + bias): a Conv2D layer's forward pass, x [n, inHeight,
   * inWidth, inChannels] to out [n, outHeight, outWidth, outChannels], with the bias (none
   * when undefined) and the activation applied as the output is written, as `dense` does.
   */
  conv2d(
    x: Tensor,
    kernel: Tensor,
    bias: Tensor | undefined,
    geometry: Conv2DGeometry,
    out: Tensor,
    activation?: ActivationKind,
    alpha?: number,
  ): Tensor;
  /**
   * dx = ∂L/∂x from dy = ∂L/∂(conv output) (the activation's backward already applied):
   * each input cell sums dy·kernel over the outputs whose window reads it, 0 if none do.
   */
  conv2dBackwardInput(dy: Tensor, kernel: Tensor, geometry: Conv2DGeometry, dx: Tensor): Tensor;
  /**
   * dKernel = ∂L/∂kernel, summed over the batch, and dBias = Σ dy per channel when given.
   * Both are overwritten, not accumulated into.
   */
  conv2dBackwardKernel(
    x: Tensor,
    dy: Tensor,
    geometry: Conv2DGeometry,
    dKernel: Tensor,
    dBias?: Tensor,
  ): Tensor;
  /** out = the maximum of each window over its cells inside x (padding takes no part). */
  maxPool2d(x: Tensor, geometry: Conv2DGeometry, out: Tensor): Tensor;
  /**
   * dx = each window's dy routed to the first cell (row-major) holding its maximum, found
   * again from x (TensorFlow's choice on ties); summed where windows overlap.
   */
  maxPool2dBackward(x: Tensor, dy: Tensor, geometry: Conv2DGeometry, dx: Tensor): Tensor;
  /** out = the mean of each window over its cells inside x, as TensorFlow's 'same' does. */
  avgPool2d(x: Tensor, geometry: Conv2DGeometry, out: Tensor): Tensor;
  /** dx = each window's dy / (its cells inside x), spread over those cells. */
  avgPool2dBackward(dy: Tensor, geometry: Conv2DGeometry, dx: Tensor): Tensor;
  /** out [n, c] = the mean of x [n, h, w, c] over height and width. */
  globalAvgPool2d(x: Tensor, out: Tensor): Tensor;
  /** dx [n, h, w, c] = dy [n, c] / (h·w) at every cell. */
  globalAvgPool2dBackward(dy: Tensor, dx: Tensor): Tensor;
}
