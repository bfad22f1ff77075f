import type { ReduceKind } from '../backend.js';
import type { Tensor } from '../tensor.js';

/** The reference element-wise ops and reductions; see Backend for what each computes. */

/** The size a, b (and c) share, or an error naming them. Fixed arity: no array per call. */
export function sameSize(where: string, a: Tensor, b: Tensor, c: Tensor = b): number {
  const n = a.size;
  if (b.size !== n || c.size !== n) {
    const sizes = c === b ? `${n} and ${b.size}` : `${n}, ${b.size} and ${c.size}`;
    throw new Error(`${where}: tensors hold ${sizes} values; expected the same`);
  }
  return n;
}

export function add(a: Tensor, b: Tensor, out: Tensor): Tensor {
  const n = sameSize('add', a, b, out);
  const A = a.data;
  const B = b.data;
  const O = out.data;
  for (let i = 0; i < n; i++) O[i] = A[i]! + B[i]!;
  return out;
}

export function sub(a: Tensor, b: Tensor, out: Tensor): Tensor {
  const n = sameSize('sub', a, b, out);
  const A = a.data;
  const B = b.data;
  const O = out.data;
  for (let i = 0; i < n; i++) O[i] = A[i]! - B[i]!;
  return out;
}

export function mul(a: Tensor, b: Tensor, out: Tensor): Tensor {
  const n = sameSize('mul', a, b, out);
  const A = a.data;
  const B = b.data;
  const O = out.data;
  for (let i = 0; i < n; i++) O[i] = A[i]! * B[i]!;
  return out;
}

export function maximum(a: Tensor, b: Tensor, out: Tensor): Tensor {
  const n = sameSize('maximum', a, b, out);
  const A = a.data;
  const B = b.data;
  const O = out.data;
  for (let i = 0; i < n; i++) O[i] = Math.max(A[i]!, B[i]!);
  return out;
}

export function scale(x: Tensor, s: number, out: Tensor): Tensor {
  const n = sameSize('scale', x, out);
  const X = x.data;
  const O = out.data;
  for (let i = 0; i < n; i++) O[i] = X[i]! * s;
  return out;
}

export function axpy(s: number, x: Tensor, y: Tensor, out: Tensor): Tensor {
  const n = sameSize('axpy', x, y, out);
  const X = x.data;
  const Y = y.data;
  const O = out.data;
  for (let i = 0; i < n; i++) O[i] = s * X[i]! + Y[i]!;
  return out;
}

export function clamp(x: Tensor, limit: number, out: Tensor): Tensor {
  const n = sameSize('clamp', x, out);
  const X = x.data;
  const O = out.data;
  for (let i = 0; i < n; i++) O[i] = Math.min(limit, Math.max(-limit, X[i]!));
  return out;
}

export function sumSquares(x: Tensor, from = 0): number {
  const X = x.data;
  let s = from;
  for (let i = 0; i < X.length; i++) s += X[i]! * X[i]!;
  return s;
}

export function firstNonFinite(x: Tensor): number {
  const X = x.data;
  // v·0 is 0 for every finite v and NaN otherwise: one pass for the usual, all-finite case.
  let probe = 0;
  for (let i = 0; i < X.length; i++) probe += X[i]! * 0;
  if (probe === 0) return -1;
  for (let i = 0; i < X.length; i++) if (!Number.isFinite(X[i]!)) return i;
  return -1;
}

export function reduceRows(kind: ReduceKind, x: Tensor, out: Tensor): Tensor {
  const rows = x.size === 0 ? 0 : x.rows;
  const cols = x.cols;
  if (out.size !== rows) {
    throw new Error(`reduceRows: out holds ${out.size} values, expected one per row (${rows})`);
  }
  const X = x.data;
  const O = out.data;
  for (let r = 0, i = 0; r < rows; r++, i += cols) {
    let acc = kind === 'max' ? Number.NEGATIVE_INFINITY : 0;
    if (kind === 'max') for (let j = 0; j < cols; j++) acc = Math.max(acc, X[i + j]!);
    else for (let j = 0; j < cols; j++) acc += X[i + j]!;
    O[r] = kind === 'mean' ? acc / cols : acc;
  }
  return out;
}

export function reduceColumns(kind: ReduceKind, x: Tensor, out: Tensor): Tensor {
  const cols = x.cols;
  const rows = x.size === 0 ? 0 : x.rows;
  if (out.size !== cols) {
    throw new Error(
      `reduceColumns: out holds ${out.size} values, expected one per column (${cols})`,
    );
  }
  const X = x.data;
  const O = out.data;
  for (let j = 0; j < cols; j++) {
    let acc = kind === 'max' ? Number.NEGATIVE_INFINITY : 0;
    if (kind === 'max') for (let i = j; i < X.length; i += cols) acc = Math.max(acc, X[i]!);
    else for (let i = j; i < X.length; i += cols) acc += X[i]!;
    O[j] = kind === 'mean' ? acc / rows : acc;
  }
  return out;
}
