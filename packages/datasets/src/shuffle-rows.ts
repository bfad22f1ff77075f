import type { Rng, Tensor } from '@neunet/tensor';

/** Permutes the rows of X and the entries of y together, in place. */
export function shuffleRows(X: Tensor, y: Int32Array, rng: Rng): void {
  const n = y.length;
  const w = n === 0 ? 0 : X.data.length / n;
  const x = X.data;
  const row = new Float32Array(w);
  // Fisher-Yates over (row, label) pairs, drawing exactly as Rng.shuffle does.
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    row.set(x.subarray(i * w, i * w + w));
    x.copyWithin(i * w, j * w, j * w + w);
    x.set(row, j * w);
    const t = y[i]!;
    y[i] = y[j]!;
    y[j] = t;
  }
}

/** Adds noise·N(0, 1) to every value of X, in place; draws nothing when noise is 0. */
export function addNoise(X: Tensor, noise: number, rng: Rng): void {
  if (noise === 0) return;
  const x = X.data;
  for (let i = 0; i < x.length; i++) x[i] = x[i]! + noise * rng.normal();
}

/** Entry i of numpy's linspace(start, stop, n, endpoint). */
export function linspace(
  start: number,
  stop: number,
  n: number,
  i: number,
  endpoint = true,
): number {
  const div = endpoint ? n - 1 : n;
  if (div === 0) return start;
  if (endpoint && i === n - 1) return stop;
  return start + (i * (stop - start)) / div;
}
