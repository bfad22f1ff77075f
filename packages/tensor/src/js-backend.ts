import { activationDefinition } from './activations.js';
import type {
  ActivationKind,
  AdamStep,
  Backend,
  BatchNormState,
  LossKind,
  LossTarget,
  MetricKind,
  ReduceKind,
} from './backend.js';
import type { Conv2DGeometry } from './conv-geometry.js';
import * as conv from './reference/convolution.js';
import * as ew from './reference/elementwise.js';
import * as layers from './reference/layers.js';
import * as losses from './reference/losses.js';
import * as metrics from './reference/metrics.js';
import * as opt from './reference/optimizers.js';
import * as pool from './reference/pooling.js';
import * as rows from './reference/rows.js';
import type { Rng } from './rng.js';
import type { Tensor } from './tensor.js';

/** Columns per packed panel of B: the width of the 4×4 register tile. */
const NR = 4;

/**
 * The plain-TypeScript backend: the reference every faster backend is checked against.
 * Its matrix product packs B into 4-column panels (so the inner loop reads B
 * contiguously whatever its transposition) and computes 4×4 tiles of C in sixteen local
 * accumulators, which V8 keeps in registers. The element-wise ops, reductions, row
 * gathers, losses, metrics, normalisation, dropout and optimizer updates live in
 * ./reference/, one file per family.
 */
export class JsBackend implements Backend {
  readonly name: string = 'js';
  private packed = new Float32Array(0);

  allocate(size: number): Float32Array {
    return new Float32Array(size);
  }

  adamUpdate(
    w: Float32Array,
    g: Float32Array,
    m: Float32Array,
    v: Float32Array,
    step: AdamStep,
  ): void {
    const n = adamSize(w, g, m, v);
    const { rate, beta1: b1, beta2: b2, epsilon: eps, correction1: c1, correction2: c2 } = step;
    for (let i = 0; i < n; i++) {
      const gi = g[i]!;
      const mi = b1 * m[i]! + (1 - b1) * gi;
      const vi = b2 * v[i]! + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      w[i] = w[i]! - (rate * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
    }
  }

  matmul(a: Tensor, b: Tensor, out: Tensor, transA = false, transB = false): Tensor {
    matmulShape(a, b, out, transA, transB);
    const { m, k, n } = dims;
    const panels = Math.ceil(n / NR);
    const bp = this.packB(b.data, k, n, transB, panels);
    // A(i, p) = A[i * rowStride + p * colStride], whichever way A is stored.
    const rowStride = transA ? 1 : k;
    const colStride = transA ? m : 1;
    const A = a.data;
    const C = out.data;
    let i = 0;
    for (; i + 4 <= m; i += 4) {
      for (let p = 0; p < panels; p++) tile4x4(A, bp, C, i, p, k, n, rowStride, colStride);
    }
    for (; i < m; i++) {
      for (let p = 0; p < panels; p++) tile1x4(A, bp, C, i, p, k, n, rowStride, colStride);
    }
    return out;
  }

  /** Copies op(B) [k, n] into panels of NR columns: panel p holds B[:, p*NR .. p*NR+NR). */
  private packB(B: Float32Array, k: number, n: number, transB: boolean, panels: number) {
    const size = panels * k * NR;
    if (this.packed.length < size) this.packed = new Float32Array(size);
    const out = this.packed;
    for (let p = 0; p < panels; p++) {
      const base = p * k * NR;
      for (let c = 0; c < NR; c++) {
        const j = p * NR + c;
        if (j >= n) {
          for (let r = 0; r < k; r++) out[base + r * NR + c] = 0;
        } else if (transB) {
          const row = j * k; // B is stored [n, k]
          for (let r = 0; r < k; r++) out[base + r * NR + c] = B[row + r]!;
        } else {
          for (let r = 0; r < k; r++) out[base + r * NR + c] = B[r * n + j]!;
        }
      }
    }
    return out;
  }

  addBias(x: Tensor, bias: Tensor, out: Tensor): Tensor {
    const cols = bias.size;
    if (x.size % cols !== 0 || x.cols !== cols) {
      throw new Error(`addBias: x has ${x.cols} columns but bias has ${cols} values`);
    }
    const X = x.data;
    const B = bias.data;
    const O = out.data;
    for (let i = 0; i < X.length; i += cols) {
      for (let j = 0; j < cols; j++) O[i + j] = X[i + j]! + B[j]!;
    }
    return out;
  }

  sumColumns(x: Tensor, out: Tensor): Tensor {
    const cols = x.cols;
    const X = x.data;
    const O = out.data;
    O.fill(0, 0, cols);
    for (let i = 0; i < X.length; i += cols) {
      for (let j = 0; j < cols; j++) O[j] = O[j]! + X[i + j]!;
    }
    return out;
  }

  sumRows(x: Tensor, out: Tensor): Tensor {
    const cols = x.cols;
    const X = x.data;
    const O = out.data;
    for (let r = 0, i = 0; i < X.length; r++, i += cols) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += X[i + j]!;
      O[r] = s;
    }
    return out;
  }

  dense(
    x: Tensor,
    w: Tensor,
    bias: Tensor,
    out: Tensor,
    activation: ActivationKind = 'linear',
    alpha = 0.01,
  ): Tensor {
    this.matmul(x, w, out);
    this.addBias(out, bias, out);
    return activation === 'linear' ? out : this.activation(activation, out, out, alpha);
  }

  activation(kind: ActivationKind, x: Tensor, out: Tensor, alpha = 0.01): Tensor {
    checkSameSize('activation', x, out);
    activationDefinition('activation', kind).forward(x.data, out.data, x.size, alpha);
    return out;
  }

  activationBackward(
    kind: ActivationKind,
    y: Tensor,
    dy: Tensor,
    out: Tensor,
    alpha = 0.01,
  ): Tensor {
    checkSameSize('activationBackward', y, dy);
    checkSameSize('activationBackward', dy, out);
    const def = activationDefinition('activationBackward', kind);
    def.backward(y.data, dy.data, out.data, dy.size, alpha);
    return out;
  }

  softmaxRows(x: Tensor, out: Tensor): Tensor {
    const cols = x.cols;
    const X = x.data;
    const O = out.data;
    for (let i = 0; i < X.length; i += cols) {
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < cols; j++) max = Math.max(max, X[i + j]!);
      let sum = 0;
      for (let j = 0; j < cols; j++) {
        const e = Math.exp(X[i + j]! - max);
        O[i + j] = e;
        sum += e;
      }
      const inv = 1 / sum;
      for (let j = 0; j < cols; j++) O[i + j] = O[i + j]! * inv;
    }
    return out;
  }

  argmaxRows(x: Tensor, out: Int32Array): Int32Array {
    const cols = x.cols;
    const X = x.data;
    for (let r = 0, i = 0; i < X.length; r++, i += cols) {
      let best = 0;
      for (let j = 1; j < cols; j++) if (X[i + j]! > X[i + best]!) best = j;
      out[r] = best;
    }
    return out;
  }

  add(a: Tensor, b: Tensor, out: Tensor): Tensor {
    return ew.add(a, b, out);
  }
  sub(a: Tensor, b: Tensor, out: Tensor): Tensor {
    return ew.sub(a, b, out);
  }
  mul(a: Tensor, b: Tensor, out: Tensor): Tensor {
    return ew.mul(a, b, out);
  }
  maximum(a: Tensor, b: Tensor, out: Tensor): Tensor {
    return ew.maximum(a, b, out);
  }
  scale(x: Tensor, s: number, out: Tensor): Tensor {
    return ew.scale(x, s, out);
  }
  axpy(s: number, x: Tensor, y: Tensor, out: Tensor): Tensor {
    return ew.axpy(s, x, y, out);
  }
  clamp(x: Tensor, limit: number, out: Tensor): Tensor {
    return ew.clamp(x, limit, out);
  }
  sumSquares(x: Tensor, from = 0): number {
    return ew.sumSquares(x, from);
  }
  firstNonFinite(x: Tensor): number {
    return ew.firstNonFinite(x);
  }
  reduceRows(kind: ReduceKind, x: Tensor, out: Tensor): Tensor {
    return ew.reduceRows(kind, x, out);
  }
  reduceColumns(kind: ReduceKind, x: Tensor, out: Tensor): Tensor {
    return ew.reduceColumns(kind, x, out);
  }
  gatherRows(src: Tensor, indices: Int32Array, out: Tensor): Tensor {
    return rows.gatherRows(src, indices, out);
  }
  metricSum(kind: MetricKind, pred: Tensor, target: LossTarget): number {
    return metrics.metricSum(kind, pred, target);
  }
  softmaxBackward(y: Tensor, dy: Tensor, out: Tensor): Tensor {
    return losses.softmaxBackward(y, dy, out);
  }
  loss(kind: LossKind, pred: Tensor, target: LossTarget): number {
    return losses.loss(kind, pred, target);
  }
  lossBackward(kind: LossKind, pred: Tensor, target: LossTarget, out: Tensor): Tensor {
    return losses.lossBackward(kind, pred, target, out);
  }
  softmaxCrossEntropyBackward(prob: Tensor, target: LossTarget, out: Tensor): Tensor {
    return losses.softmaxCrossEntropyBackward(prob, target, out);
  }
  sigmoidCrossEntropyBackward(prob: Tensor, target: LossTarget, out: Tensor): Tensor {
    return losses.sigmoidCrossEntropyBackward(prob, target, out);
  }
  penalty(w: Tensor, l1: number, l2: number): number {
    return losses.penalty(w, l1, l2);
  }
  penaltyBackward(w: Tensor, l1: number, l2: number, g: Tensor): Tensor {
    return losses.penaltyBackward(w, l1, l2, g);
  }
  batchNorm(
    x: Tensor,
    gamma: Tensor,
    beta: Tensor,
    state: BatchNormState,
    training: boolean,
    out: Tensor,
  ): Tensor {
    return layers.batchNorm(x, gamma, beta, state, training, out);
  }
  batchNormBackward(
    dy: Tensor,
    gamma: Tensor,
    state: BatchNormState,
    training: boolean,
    dx: Tensor,
    dGamma: Tensor,
    dBeta: Tensor,
  ): Tensor {
    return layers.batchNormBackward(dy, gamma, state, training, dx, dGamma, dBeta);
  }
  dropout(x: Tensor, rate: number, rng: Rng, mask: Tensor, out: Tensor): Tensor {
    return layers.dropout(x, rate, rng, mask, out);
  }
  sgdUpdate(
    w: Float32Array,
    g: Float32Array,
    velocity: Float32Array | undefined,
    rate: number,
    momentum: number,
    nesterov: boolean,
  ): void {
    opt.sgdUpdate(w, g, velocity, rate, momentum, nesterov);
  }
  rmspropUpdate(
    w: Float32Array,
    g: Float32Array,
    cache: Float32Array,
    rate: number,
    rho: number,
    epsilon: number,
  ): void {
    opt.rmspropUpdate(w, g, cache, rate, rho, epsilon);
  }
  adagradUpdate(
    w: Float32Array,
    g: Float32Array,
    cache: Float32Array,
    rate: number,
    epsilon: number,
  ): void {
    opt.adagradUpdate(w, g, cache, rate, epsilon);
  }
  conv2d(
    x: Tensor,
    kernel: Tensor,
    bias: Tensor | undefined,
    geometry: Conv2DGeometry,
    out: Tensor,
    activation: ActivationKind = 'linear',
    alpha = 0.01,
  ): Tensor {
    return conv.conv2d(x, kernel, bias, geometry, out, activation, alpha);
  }
  conv2dBackwardInput(dy: Tensor, kernel: Tensor, geometry: Conv2DGeometry, dx: Tensor): Tensor {
    return conv.conv2dBackwardInput(dy, kernel, geometry, dx);
  }
  conv2dBackwardKernel(
    x: Tensor,
    dy: Tensor,
    geometry: Conv2DGeometry,
    dKernel: Tensor,
    dBias?: Tensor,
  ): Tensor {
    return conv.conv2dBackwardKernel(x, dy, geometry, dKernel, dBias);
  }
  maxPool2d(x: Tensor, geometry: Conv2DGeometry, out: Tensor): Tensor {
    return pool.maxPool2d(x, geometry, out);
  }
  maxPool2dBackward(x: Tensor, dy: Tensor, geometry: Conv2DGeometry, dx: Tensor): Tensor {
    return pool.maxPool2dBackward(x, dy, geometry, dx);
  }
  avgPool2d(x: Tensor, geometry: Conv2DGeometry, out: Tensor): Tensor {
    return pool.avgPool2d(x, geometry, out);
  }
  avgPool2dBackward(dy: Tensor, geometry: Conv2DGeometry, dx: Tensor): Tensor {
    return pool.avgPool2dBackward(dy, geometry, dx);
  }
  globalAvgPool2d(x: Tensor, out: Tensor): Tensor {
    return pool.globalAvgPool2d(x, out);
  }
  globalAvgPool2dBackward(dy: Tensor, dx: Tensor): Tensor {
    return pool.globalAvgPool2dBackward(dy, dx);
  }
}

/** The sizes matmulShape found last: one reused object, so a product allocates nothing. */
export const dims = { m: 0, k: 0, n: 0 };

/** Sets `dims` for out [m, n] = op(a) [m, k] · op(b) [k, n], or throws naming the mismatch. */
export function matmulShape(
  a: Tensor,
  b: Tensor,
  out: Tensor,
  transA: boolean,
  transB: boolean,
): void {
  const m = transA ? a.cols : a.rows;
  const k = transA ? a.rows : a.cols;
  const kb = transB ? b.cols : b.rows;
  const n = transB ? b.rows : b.cols;
  if (k !== kb) {
    throw new Error(
      `matmul: inner dimensions differ: ${transA ? 'aᵀ' : 'a'} is [${m}, ${k}], ` +
        `${transB ? 'bᵀ' : 'b'} is [${kb}, ${n}]`,
    );
  }
  if (out.size !== m * n) {
    throw new Error(`matmul: out holds ${out.size} values, expected [${m}, ${n}] = ${m * n}`);
  }
  dims.m = m;
  dims.k = k;
  dims.n = n;
}

export function checkSameSize(where: string, a: Tensor, b: Tensor): void {
  if (a.size !== b.size) {
    throw new Error(`${where}: tensors hold ${a.size} and ${b.size} values; expected the same`);
  }
}

// biome-ignore format: the sixteen accumulators read best as the 4×4 grid they are
function tile4x4(
  A: Float32Array,
  bp: Float32Array,
  C: Float32Array,
  i: number,
  p: number,
  k: number,
  n: number,
  rowStride: number,
  colStride: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  let a0 = i * rowStride;
  let a1 = a0 + rowStride;
  let a2 = a1 + rowStride;
  let a3 = a2 + rowStride;
  let b = p * k * NR;
  for (let r = 0; r < k; r++, b += NR, a0 += colStride, a1 += colStride, a2 += colStride, a3 += colStride) {
    const b0 = bp[b]!, b1 = bp[b + 1]!, b2 = bp[b + 2]!, b3 = bp[b + 3]!;
    const x0 = A[a0]!, x1 = A[a1]!, x2 = A[a2]!, x3 = A[a3]!;
    c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
    c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
    c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
    c30 += x3 * b0; c31 += x3 * b1; c32 += x3 * b2; c33 += x3 * b3;
  }
  const j = p * NR;
  const w = Math.min(NR, n - j);
  storeRow(C, i * n + j, w, c00, c01, c02, c03);
  storeRow(C, (i + 1) * n + j, w, c10, c11, c12, c13);
  storeRow(C, (i + 2) * n + j, w, c20, c21, c22, c23);
  storeRow(C, (i + 3) * n + j, w, c30, c31, c32, c33);
}

// biome-ignore format: kept in the same shape as tile4x4
function tile1x4(
  A: Float32Array,
  bp: Float32Array,
  C: Float32Array,
  i: number,
  p: number,
  k: number,
  n: number,
  rowStride: number,
  colStride: number,
): void {
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
  let a = i * rowStride;
  let b = p * k * NR;
  for (let r = 0; r < k; r++, b += NR, a += colStride) {
    const x = A[a]!;
    c0 += x * bp[b]!; c1 += x * bp[b + 1]!; c2 += x * bp[b + 2]!; c3 += x * bp[b + 3]!;
  }
  const j = p * NR;
  storeRow(C, i * n + j, Math.min(NR, n - j), c0, c1, c2, c3);
}

function storeRow(
  C: Float32Array,
  at: number,
  w: number,
  v0: number,
  v1: number,
  v2: number,
  v3: number,
) {
  C[at] = v0;
  if (w > 1) C[at + 1] = v1;
  if (w > 2) C[at + 2] = v2;
  if (w > 3) C[at + 3] = v3;
}

/** The length w, g, m and v share, or an error naming all four. */
export function adamSize(w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array) {
  const n = w.length;
  if (g.length !== n || m.length !== n || v.length !== n) {
    throw new Error(
      `adamUpdate: w, g, m and v hold ${n}, ${g.length}, ${m.length} and ${v.length} values; expected the same`,
    );
  }
  return n;
}
