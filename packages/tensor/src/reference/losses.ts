import type { LossKind, LossTarget } from '../backend.js';
import type { Tensor } from '../tensor.js';
import { sameSize } from './elementwise.js';

/**
 * The reference losses, softmax backward and weight penalty. Probabilities are clipped to
 * [CLIP_LOW, CLIP_HIGH] before a log, so a confident wrong answer costs −log(1e-7) ≈ 16.1
 * instead of infinity; where clipping is active the loss is flat and the gradient 0.
 */
export const CLIP_LOW = 1e-7;
export const CLIP_HIGH = 1 - 1e-7;

function clip(p: number): number {
  return Math.min(Math.max(p, CLIP_LOW), CLIP_HIGH);
}

function inClipRange(p: number): boolean {
  return p >= CLIP_LOW && p <= CLIP_HIGH;
}

/** Whether `target` holds one class index per row (sparse cross-entropy). */
function sparse(kind: LossKind, target: LossTarget): target is Int32Array {
  return kind === 'crossEntropy' && target instanceof Int32Array;
}

function checkTarget(where: string, kind: LossKind, pred: Tensor, target: LossTarget): void {
  const expected = sparse(kind, target) ? pred.rows : pred.size;
  if (target.length !== expected) {
    throw new Error(`${where}: target holds ${target.length} values, expected ${expected}`);
  }
}

export function loss(kind: LossKind, pred: Tensor, target: LossTarget): number {
  checkTarget('loss', kind, pred, target);
  const P = pred.data;
  const Y = target;
  let sum = 0;
  if (kind === 'crossEntropy') {
    const n = pred.rows;
    const c = pred.size / n;
    if (sparse(kind, Y)) for (let r = 0; r < n; r++) sum -= Math.log(clip(P[r * c + Y[r]!]!));
    else {
      for (let i = 0; i < P.length; i++) {
        const y = Y[i]!;
        if (y !== 0) sum -= y * Math.log(clip(P[i]!));
      }
    }
    return sum / n;
  }
  if (kind === 'meanSquared') {
    for (let i = 0; i < P.length; i++) {
      const d = P[i]! - Y[i]!;
      sum += d * d;
    }
  } else if (kind === 'meanAbsolute') {
    for (let i = 0; i < P.length; i++) sum += Math.abs(P[i]! - Y[i]!);
  } else if (kind === 'binaryCrossEntropy') {
    for (let i = 0; i < P.length; i++) {
      const p = clip(P[i]!);
      const y = Y[i]!;
      sum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
    }
  } else throw new Error(`loss: unknown kind '${String(kind)}'`);
  return sum / P.length;
}

export function lossBackward(
  kind: LossKind,
  pred: Tensor,
  target: LossTarget,
  out: Tensor,
): Tensor {
  checkTarget('lossBackward', kind, pred, target);
  const count = sameSize('lossBackward', pred, out);
  const P = pred.data;
  const O = out.data;
  const Y = target;
  if (kind === 'crossEntropy') {
    const n = pred.rows;
    const c = count / n;
    if (sparse(kind, Y)) {
      for (let r = 0; r < n; r++) {
        const at = r * c + Y[r]!;
        const p = P[at]!; // read before the fill, in case out is pred
        O.fill(0, r * c, r * c + c);
        O[at] = inClipRange(p) ? -1 / p / n : 0;
      }
    } else {
      for (let i = 0; i < count; i++) {
        const p = P[i]!;
        const y = Y[i]!;
        O[i] = y !== 0 && inClipRange(p) ? -y / p / n : 0;
      }
    }
  } else if (kind === 'meanSquared') {
    for (let i = 0; i < count; i++) O[i] = (2 * (P[i]! - Y[i]!)) / count;
  } else if (kind === 'meanAbsolute') {
    for (let i = 0; i < count; i++) {
      const d = P[i]! - Y[i]!;
      O[i] = d > 0 ? 1 / count : d < 0 ? -1 / count : 0;
    }
  } else if (kind === 'binaryCrossEntropy') {
    for (let i = 0; i < count; i++) {
      const p = P[i]!;
      const y = Y[i]!;
      O[i] = inClipRange(p) ? -(y / p - (1 - y) / (1 - p)) / count : 0;
    }
  } else throw new Error(`lossBackward: unknown kind '${String(kind)}'`);
  return out;
}

export function softmaxCrossEntropyBackward(prob: Tensor, target: LossTarget, out: Tensor): Tensor {
  checkTarget('softmaxCrossEntropyBackward', 'crossEntropy', prob, target);
  sameSize('softmaxCrossEntropyBackward', prob, out);
  const n = prob.rows;
  const c = prob.size / n;
  const P = prob.data;
  const O = out.data;
  if (target instanceof Int32Array) {
    for (let r = 0; r < n; r++) {
      const label = target[r]!;
      for (let j = 0, i = r * c; j < c; j++, i++) O[i] = (P[i]! - (j === label ? 1 : 0)) / n;
    }
  } else {
    for (let i = 0; i < P.length; i++) O[i] = (P[i]! - target[i]!) / n;
  }
  return out;
}

export function sigmoidCrossEntropyBackward(prob: Tensor, target: LossTarget, out: Tensor): Tensor {
  checkTarget('sigmoidCrossEntropyBackward', 'binaryCrossEntropy', prob, target);
  const count = sameSize('sigmoidCrossEntropyBackward', prob, out);
  const P = prob.data;
  const O = out.data;
  for (let i = 0; i < count; i++) O[i] = (P[i]! - target[i]!) / count;
  return out;
}

export function softmaxBackward(y: Tensor, dy: Tensor, out: Tensor): Tensor {
  sameSize('softmaxBackward', y, dy, out);
  const Y = y.data;
  const G = dy.data;
  const O = out.data;
  const cols = dy.cols;
  for (let i = 0; i < G.length; i += cols) {
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += G[i + j]! * Y[i + j]!;
    for (let j = 0; j < cols; j++) O[i + j] = Y[i + j]! * (G[i + j]! - dot);
  }
  return out;
}

export function penalty(w: Tensor, l1: number, l2: number): number {
  const W = w.data;
  let abs = 0;
  let squares = 0;
  for (let i = 0; i < W.length; i++) {
    const wi = W[i]!;
    abs += Math.abs(wi);
    squares += wi * wi;
  }
  return l1 * abs + l2 * squares;
}

export function penaltyBackward(w: Tensor, l1: number, l2: number, g: Tensor): Tensor {
  const n = sameSize('penaltyBackward', w, g);
  const W = w.data;
  const G = g.data;
  const twoL2 = 2 * l2;
  for (let i = 0; i < n; i++) {
    const wi = W[i]!;
    G[i] = G[i]! + l1 * Math.sign(wi) + twoL2 * wi;
  }
  return g;
}
