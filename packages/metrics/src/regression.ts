import type { Tensor } from '@neunet/tensor';

/**
 * Real-valued targets: a Tensor [N], [N, outputs] or [N, ...per-sample shape] (each
 * sample's values read as its outputs, as Keras's metrics average over them), or a plain
 * array of N values.
 */
export type RegressionValues = Tensor | Float32Array | Float64Array | readonly number[];

interface Columns {
  n: number;
  k: number;
  t: ArrayLike<number>;
  p: ArrayLike<number>;
}

function columns(fn: string, yTrue: RegressionValues, yPred: RegressionValues): Columns {
  const a = shapeOf(fn, 'yTrue', yTrue);
  const b = shapeOf(fn, 'yPred', yPred);
  if (a.n !== b.n || a.k !== b.k) {
    throw new Error(
      `${fn}: yTrue is ${a.n}×${a.k} but yPred is ${b.n}×${b.k}; expected the same samples and outputs`,
    );
  }
  if (a.n === 0) throw new Error(`${fn}: yTrue and yPred are empty; expected >= 1 sample`);
  for (const [name, v] of [
    ['yTrue', a.values],
    ['yPred', b.values],
  ] as const) {
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i]!)) {
        throw new Error(
          `${fn}: ${name} sample ${Math.floor(i / a.k)}, output ${i % a.k} is ${v[i]}; expected a finite number`,
        );
      }
    }
  }
  return { n: a.n, k: a.k, t: a.values, p: b.values };
}

function shapeOf(
  fn: string,
  name: string,
  y: RegressionValues,
): { n: number; k: number; values: ArrayLike<number> } {
  if (Array.isArray(y) || ArrayBuffer.isView(y)) {
    const values = y as ArrayLike<number>;
    return { n: values.length, k: 1, values };
  }
  const t = y as Tensor;
  if (t.shape.length === 1) return { n: t.shape[0]!, k: 1, values: t.data };
  const k = t.shape.slice(1).reduce((a, b) => a * b, 1);
  if (t.shape.length >= 2 && k >= 1) return { n: t.shape[0]!, k, values: t.data };
  throw new Error(
    `${fn}: ${name} is a Tensor of shape [${t.shape.join(', ')}]; expected [N], [N, outputs] or [N, ...per-sample shape] with at least one value per sample`,
  );
}

/** Per output: the mean of f(true, pred) over the samples. */
function perOutput(c: Columns, f: (t: number, p: number) => number): number[] {
  const out = new Array<number>(c.k).fill(0);
  for (let i = 0; i < c.n * c.k; i++) out[i % c.k]! += f(c.t[i]!, c.p[i]!);
  return out.map((s) => s / c.n);
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * The mean of (true − pred)², averaged uniformly over outputs, as scikit-learn's
 * `mean_squared_error`. Throws on a shape mismatch, empty input or a non-finite value.
 */
export function meanSquaredError(yTrue: RegressionValues, yPred: RegressionValues): number {
  return mean(perOutput(columns('meanSquaredError', yTrue, yPred), (t, p) => (t - p) ** 2));
}

/**
 * The square root of each output's MSE, averaged over outputs, as scikit-learn's
 * `root_mean_squared_error` (for one output simply √MSE).
 */
export function rootMeanSquaredError(yTrue: RegressionValues, yPred: RegressionValues): number {
  return mean(
    perOutput(columns('rootMeanSquaredError', yTrue, yPred), (t, p) => (t - p) ** 2).map(Math.sqrt),
  );
}

/** The mean of |true − pred|, averaged uniformly over outputs. */
export function meanAbsoluteError(yTrue: RegressionValues, yPred: RegressionValues): number {
  return mean(perOutput(columns('meanAbsoluteError', yTrue, yPred), (t, p) => Math.abs(t - p)));
}

/**
 * The coefficient of determination 1 − Σ(true − pred)² / Σ(true − mean)² per output,
 * averaged uniformly, as scikit-learn's `r2_score`. 1 is perfect, 0 is as good as
 * predicting the mean, and it can be negative.
 *
 * For an output whose true values are all equal the ratio is 0/0 or x/0; like
 * scikit-learn (force_finite) it is then 1 when the predictions are exact, else 0.
 * Throws with fewer than 2 samples, where R² is not defined.
 */
export function r2Score(yTrue: RegressionValues, yPred: RegressionValues): number {
  const fn = 'r2Score';
  const c = columns(fn, yTrue, yPred);
  if (c.n < 2) throw new Error(`${fn}: there is 1 sample; expected >= 2, R² is undefined for one`);
  // R² is scale-free; dividing by each output's largest magnitude keeps the squares finite.
  const big = new Array<number>(c.k).fill(0);
  for (let i = 0; i < c.n * c.k; i++)
    big[i % c.k] = Math.max(big[i % c.k]!, Math.abs(c.t[i]!), Math.abs(c.p[i]!));
  const at = (v: ArrayLike<number>, i: number) => (big[i % c.k] === 0 ? 0 : v[i]! / big[i % c.k]!);
  const means = new Array<number>(c.k).fill(0);
  for (let i = 0; i < c.n * c.k; i++) means[i % c.k]! += at(c.t, i) / c.n;
  const res = new Array<number>(c.k).fill(0);
  const tot = new Array<number>(c.k).fill(0);
  // Tested directly: the float mean of equal values need not equal them, leaving tot tiny, not 0.
  const constant = new Array<boolean>(c.k).fill(true);
  for (let i = 0; i < c.n * c.k; i++) {
    const j = i % c.k;
    res[j]! += (at(c.t, i) - at(c.p, i)) ** 2;
    tot[j]! += (at(c.t, i) - means[j]!) ** 2;
    if (c.t[i] !== c.t[j]) constant[j] = false;
  }
  // tot can still underflow to 0 for values that differ by a few ulps; treat that as constant.
  return mean(
    res.map((r, j) => (constant[j] || tot[j] === 0 ? (r === 0 ? 1 : 0) : 1 - r / tot[j]!)),
  );
}
