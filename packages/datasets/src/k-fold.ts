import { checkOptions, optionKeys } from '@neunet/options';
import { Rng, type Tensor } from '@neunet/tensor';
import { checkInteger, checkSeed } from './check.js';

/** Options of `kFold`. */
export interface KFoldOptions {
  /** Number of folds, an integer in [2, N]. Default 5. */
  k?: number;
  /** Shuffle before assigning folds (default true); without it folds are consecutive rows. */
  shuffle?: boolean;
  seed?: number;
  /** Spread each class evenly over the folds (default false); needs labels, not a count. */
  stratify?: boolean;
}

const OPTIONS = optionKeys<KFoldOptions>()(['k', 'shuffle', 'seed', 'stratify']);

/** One fold: the row indices to train on and to test on, each ascending. */
export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

/**
 * Splits N rows into k folds and returns, for each fold, the rows outside it (train) and
 * inside it (test); every row is tested exactly once. `data` is the row count, or the
 * labels (class indices, or a Tensor whose row argmax is the class) when stratifying.
 *
 * Fold sizes differ by at most one (the first N mod k folds get the extra row, as
 * scikit-learn's `KFold`). With `stratify`, each class's rows are dealt round-robin over
 * the folds, continuing where the previous class stopped, so every fold holds
 * floor(n_c / k) or ceil(n_c / k) rows of class c and fold sizes still differ by at most
 * one. Use `selectRows` to take the rows.
 */
export function kFold(data: number | Int32Array | Tensor, options: KFoldOptions = {}): Fold[] {
  checkOptions('kFold', options, OPTIONS);
  const fn = 'kFold';
  const { k = 5, shuffle = true, seed, stratify = false } = options;
  const n =
    typeof data === 'number' ? data : ArrayBuffer.isView(data) ? data.length : (data.shape[0] ?? 0);
  checkInteger(fn, 'N', n, 2);
  checkInteger(fn, 'k', k, 2);
  if (k > n) throw new Error(`${fn}: k is ${k} but there are ${n} rows; expected k <= ${n}`);
  checkSeed(fn, seed);
  const rng = shuffle ? new Rng(seed) : undefined;
  const foldOf = new Int32Array(n);
  if (stratify) {
    if (typeof data === 'number') {
      throw new Error(
        `${fn}: stratify needs the labels; expected an Int32Array or Tensor, got the count ${n}`,
      );
    }
    const groups = new Map<number, number[]>();
    classesOf(data).forEach((c, i) => {
      const g = groups.get(c);
      if (g) g.push(i);
      else groups.set(c, [i]);
    });
    let next = 0;
    for (const key of [...groups.keys()].sort((a, b) => a - b)) {
      const rows = groups.get(key)!;
      if (rng) rng.shuffle(rows);
      for (const r of rows) {
        foldOf[r] = next;
        next = (next + 1) % k;
      }
    }
  } else {
    const order = rng ? rng.permutation(n) : Int32Array.from({ length: n }, (_, i) => i);
    let at = 0;
    for (let f = 0; f < k; f++) {
      const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
      for (let i = 0; i < size; i++) foldOf[order[at++]!] = f;
    }
  }
  return Array.from({ length: k }, (_, f) => {
    const test: number[] = [];
    const train: number[] = [];
    foldOf.forEach((g, i) => {
      (g === f ? test : train).push(i);
    });
    return { train: Int32Array.from(train), test: Int32Array.from(test) };
  });
}

function classesOf(y: Int32Array | Tensor): Int32Array {
  if (ArrayBuffer.isView(y)) return y;
  const n = y.shape[0] ?? 0;
  const w = n === 0 ? 0 : y.data.length / n;
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    let best = 0;
    for (let j = 1; j < w; j++) if (y.data[r * w + j]! > y.data[r * w + best]!) best = j;
    out[r] = w === 1 ? y.data[r]! : best;
  }
  return out;
}
