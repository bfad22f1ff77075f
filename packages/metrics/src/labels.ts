import { optionKeys } from '@neunet/options';
import { getBackend, type Tensor } from '@neunet/tensor';

/** Class indices, one per sample, e.g. `[2, 0, 1]`. */
export type SparseLabels = Int32Array | readonly number[];

/**
 * The true classes: class indices, or a one-hot Tensor [N, C]. A single-column Tensor
 * [N, 1] holds binary labels (each 0 or 1), as a sigmoid output is trained against.
 */
export type TrueLabels = SparseLabels | Tensor;

/**
 * The predicted classes: class indices, or a Tensor [N, C] of class scores (usually
 * probabilities) whose row argmax is the prediction, the first maximum on ties. A
 * single-column Tensor [N, 1] holds P(class 1): the prediction is 1 when p >= 0.5.
 */
export type PredictedLabels = SparseLabels | Tensor;

/** Options of the metrics that count per class. */
export interface ClassOptions {
  /**
   * The number of classes. By default the width of a Tensor argument ([N, 1] counts as
   * 2), or else the largest label in either argument plus one.
   */
  numClasses?: number;
}

export const CLASS_OPTIONS = optionKeys<ClassOptions>()(['numClasses']);

/** Both arguments as class indices, checked against each other and against the classes. */
export interface ResolvedLabels {
  readonly yTrue: Int32Array;
  readonly yPred: Int32Array;
  readonly numClasses: number;
}

type Role = 'yTrue' | 'yPred';

/**
 * Turns any accepted pair of label encodings into two index arrays of equal, non-zero
 * length, or throws an Error that names the function, the argument and the sample.
 */
export function resolveLabels(
  fn: string,
  yTrue: TrueLabels,
  yPred: PredictedLabels,
  numClasses?: number,
): ResolvedLabels {
  const nTrue = sampleCount(fn, 'yTrue', yTrue);
  const nPred = sampleCount(fn, 'yPred', yPred);
  if (nTrue !== nPred) {
    throw new Error(`${fn}: yTrue has ${nTrue} samples but yPred has ${nPred}; expected equal`);
  }
  if (nTrue === 0) throw new Error(`${fn}: yTrue and yPred are empty; expected >= 1 sample`);

  if (numClasses !== undefined && (!Number.isInteger(numClasses) || numClasses < 1)) {
    throw new Error(`${fn}: numClasses is ${numClasses}; expected an integer >= 1`);
  }

  // A tensor fixes the class count by its width; two tensors must agree on it.
  const impliedTrue = isTensor(yTrue) ? impliedClasses(yTrue) : undefined;
  const impliedPred = isTensor(yPred) ? impliedClasses(yPred) : undefined;
  if (impliedTrue !== undefined && impliedPred !== undefined && impliedTrue !== impliedPred) {
    throw new Error(
      `${fn}: yTrue has ${widthOf(yTrue)} columns (${impliedTrue} classes) but yPred has ` +
        `${widthOf(yPred)} (${impliedPred} classes); expected the same classes`,
    );
  }
  const implied = impliedTrue ?? impliedPred;
  if (numClasses !== undefined && implied !== undefined && numClasses < implied) {
    throw new Error(
      `${fn}: numClasses is ${numClasses} but a Tensor argument has ${implied} classes; ` +
        `expected numClasses >= ${implied}`,
    );
  }

  const t = decode(fn, 'yTrue', yTrue);
  const p = decode(fn, 'yPred', yPred);
  const limit = numClasses ?? implied;
  if (limit !== undefined) {
    const why = numClasses !== undefined ? `numClasses is ${limit}` : `there are ${limit} classes`;
    checkBelow(fn, 'yTrue', t, limit, why);
    checkBelow(fn, 'yPred', p, limit, why);
    return { yTrue: t, yPred: p, numClasses: limit };
  }
  return { yTrue: t, yPred: p, numClasses: Math.max(maxOf(t), maxOf(p)) + 1 };
}

function isTensor(y: SparseLabels | Tensor): y is Tensor {
  // Structural, not `instanceof`: an ESM and a CJS copy of @neunet/tensor may both be loaded.
  return !(Array.isArray(y) || ArrayBuffer.isView(y));
}

function sampleCount(fn: string, role: Role, y: SparseLabels | Tensor): number {
  if (!isTensor(y)) return y.length;
  if (y.shape.length !== 2 || y.shape[1] === 0) {
    throw new Error(
      `${fn}: ${role} is a Tensor of shape [${y.shape.join(', ')}]; expected [N, C] with ` +
        'C >= 1 (pass class indices as an Int32Array)',
    );
  }
  return y.shape[0]!;
}

function widthOf(y: SparseLabels | Tensor): number {
  return isTensor(y) ? y.shape[1]! : 1;
}

function impliedClasses(y: Tensor): number {
  const w = y.shape[1]!;
  return w === 1 ? 2 : w;
}

function decode(fn: string, role: Role, y: SparseLabels | Tensor): Int32Array {
  if (!isTensor(y)) return decodeSparse(fn, role, y);
  return role === 'yTrue' ? decodeOneHot(fn, y) : decodeScores(fn, y);
}

function decodeSparse(fn: string, role: Role, y: SparseLabels): Int32Array {
  const out = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (!Number.isInteger(v) || v < 0) {
      throw new Error(`${fn}: ${role}[${i}] is ${v}; expected a class index (an integer >= 0)`);
    }
    out[i] = v;
  }
  return out;
}

function decodeOneHot(fn: string, y: Tensor): Int32Array {
  const n = y.shape[0]!;
  const w = y.shape[1]!;
  const X = y.data;
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const base = r * w;
    if (w === 1) {
      const v = X[base]!;
      if (v !== 0 && v !== 1) {
        throw new Error(
          `${fn}: yTrue row ${r} is ${v}; a single-column yTrue holds binary labels, ` +
            'expected 0 or 1',
        );
      }
      out[r] = v;
      continue;
    }
    let hot = -1;
    let valid = true;
    for (let j = 0; j < w; j++) {
      const v = X[base + j]!;
      if (v === 1 && hot === -1) hot = j;
      else if (v !== 0) valid = false;
    }
    if (!valid || hot === -1) {
      throw new Error(
        `${fn}: yTrue row ${r} is ${formatRow(X, base, w)}, which is not one-hot; ` +
          'expected a single 1 and the rest 0',
      );
    }
    out[r] = hot;
  }
  return out;
}

function decodeScores(fn: string, y: Tensor): Int32Array {
  const n = y.shape[0]!;
  const w = y.shape[1]!;
  const X = y.data;
  for (let i = 0; i < n * w; i++) {
    if (Number.isNaN(X[i]!)) {
      throw new Error(
        `${fn}: yPred row ${Math.floor(i / w)}, column ${i % w} is NaN; ` +
          'expected probabilities (finite numbers)',
      );
    }
  }
  const out = new Int32Array(n);
  if (w === 1) {
    for (let r = 0; r < n; r++) out[r] = X[r]! >= 0.5 ? 1 : 0;
    return out;
  }
  return getBackend().argmaxRows(y, out);
}

function checkBelow(fn: string, role: Role, y: Int32Array, limit: number, why: string): void {
  for (let i = 0; i < y.length; i++) {
    if (y[i]! >= limit) {
      throw new Error(
        `${fn}: ${role}[${i}] is class ${y[i]} but ${why}; expected labels 0..${limit - 1}`,
      );
    }
  }
}

function maxOf(y: Int32Array): number {
  let m = 0;
  for (let i = 0; i < y.length; i++) if (y[i]! > m) m = y[i]!;
  return m;
}

function formatRow(X: Float32Array, base: number, w: number): string {
  const shown = Array.from(X.subarray(base, base + Math.min(w, 8)));
  return `[${shown.join(', ')}${w > 8 ? ', ...' : ''}]`;
}
