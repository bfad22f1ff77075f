import type { BatchNormState } from '../backend.js';
import type { Rng } from '../rng.js';
import type { Tensor } from '../tensor.js';
import { sameSize } from './elementwise.js';

/** The reference BatchNormalization and dropout; see Backend for what each computes. */

/** The features (columns) x and the state share, or an error naming them. */
export function checkState(where: string, x: Tensor, state: BatchNormState): number {
  const cols = x.cols;
  const { runningMean, runningVar, invStd, xHat } = state;
  if (runningMean.length !== cols || runningVar.length !== cols || invStd.length !== cols) {
    throw new Error(
      `${where}: the state holds ${runningMean.length}, ${runningVar.length} and ${invStd.length} ` +
        `statistics, expected one per feature (${cols})`,
    );
  }
  sameSize(where, x, xHat);
  return cols;
}

export function batchNorm(
  x: Tensor,
  gamma: Tensor,
  beta: Tensor,
  state: BatchNormState,
  training: boolean,
  out: Tensor,
): Tensor {
  const cols = checkState('batchNorm', x, state);
  sameSize('batchNorm', x, out);
  const rows = x.rows;
  const { momentum, epsilon, invStd } = state;
  const X = x.data;
  const xHat = state.xHat.data;
  const mean = state.runningMean;
  const variance = state.runningVar;
  for (let j = 0; j < cols; j++) {
    let mu: number;
    let v: number;
    if (training) {
      mu = 0;
      for (let i = j; i < X.length; i += cols) mu += X[i]!;
      mu /= rows;
      v = 0;
      for (let i = j; i < X.length; i += cols) v += (X[i]! - mu) ** 2;
      v /= rows;
      mean[j] = momentum * mean[j]! + (1 - momentum) * mu;
      variance[j] = momentum * variance[j]! + (1 - momentum) * v;
    } else {
      mu = mean[j]!;
      v = variance[j]!;
    }
    const inv = 1 / Math.sqrt(v + epsilon);
    invStd[j] = inv;
    for (let i = j; i < X.length; i += cols) xHat[i] = (X[i]! - mu) * inv;
  }
  const Y = out.data;
  const G = gamma.data;
  const B = beta.data;
  for (let i = 0; i < Y.length; i += cols) {
    for (let j = 0; j < cols; j++) Y[i + j] = G[j]! * xHat[i + j]! + B[j]!;
  }
  return out;
}

/**
 * In training the batch statistics depend on every input, which gives the textbook form
 * dx = inv/N · (N·ĝ − Σĝ − x̂·Σ(ĝ·x̂)) with ĝ = dy·γ; in inference they are constants
 * and dx = dy·γ·inv.
 */
export function batchNormBackward(
  dy: Tensor,
  gamma: Tensor,
  state: BatchNormState,
  training: boolean,
  dx: Tensor,
  dGamma: Tensor,
  dBeta: Tensor,
): Tensor {
  const cols = checkState('batchNormBackward', dy, state);
  sameSize('batchNormBackward', dy, dx);
  const rows = dy.rows;
  const G = dy.data;
  const xHat = state.xHat.data;
  const DX = dx.data;
  const gam = gamma.data;
  const dG = dGamma.data;
  const dB = dBeta.data;
  const invStd = state.invStd;
  for (let j = 0; j < cols; j++) {
    let sumG = 0;
    let sumGx = 0;
    for (let i = j; i < G.length; i += cols) {
      sumG += G[i]!;
      sumGx += G[i]! * xHat[i]!;
    }
    dB[j] = sumG;
    dG[j] = sumGx;
    const g = gam[j]!;
    const inv = invStd[j]!;
    if (training) {
      const s = (g * inv) / rows;
      for (let i = j; i < G.length; i += cols) DX[i] = s * (rows * G[i]! - sumG - xHat[i]! * sumGx);
    } else {
      for (let i = j; i < G.length; i += cols) DX[i] = G[i]! * g * inv;
    }
  }
  return dx;
}

export function dropout(x: Tensor, rate: number, rng: Rng, mask: Tensor, out: Tensor): Tensor {
  const n = sameSize('dropout', x, mask, out);
  const keep = 1 - rate;
  const factor = 1 / keep;
  const X = x.data;
  const M = mask.data;
  const Y = out.data;
  for (let i = 0; i < n; i++) {
    const m = rng.uniform() < keep ? factor : 0;
    M[i] = m;
    Y[i] = X[i]! * m;
  }
  return out;
}
