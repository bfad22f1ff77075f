import { checkOptions, optionKeys } from '@neunet/options';
import type { Tensor } from '@neunet/tensor';
import { apply, checkFinite, columns, restore } from './scaler.js';

/** A fitted MinMaxScaler as plain JSON. */
export interface MinMaxScalerJSON {
  type: 'MinMaxScaler';
  featureRange: [number, number];
  dataMin: number[];
  dataMax: number[];
}

const OPTIONS = optionKeys<NonNullable<ConstructorParameters<typeof MinMaxScaler>[0]>>()([
  'featureRange',
]);

/**
 * Maps each feature's training range [min, max] linearly onto `featureRange` (default
 * [0, 1]), as scikit-learn's `MinMaxScaler`. Test values outside the training range land
 * outside `featureRange`: they are not clipped.
 *
 * A constant feature (max = min) is shifted to the range's lower end, not divided by
 * zero. Throws on transform before fit, a width other than the fitted one, fitting on no
 * rows, a value that is not finite, or a featureRange whose low end is not below its high.
 */
export class MinMaxScaler {
  readonly featureRange: [number, number];
  private lo: Float64Array | undefined;
  private hi: Float64Array | undefined;
  private shift: Float64Array | undefined;
  private s: Float64Array | undefined;

  constructor(options: { featureRange?: readonly [number, number] } = {}) {
    checkOptions('MinMaxScaler', options, OPTIONS);
    const [a, b] = options.featureRange ?? [0, 1];
    if (!(Number.isFinite(a) && Number.isFinite(b) && a < b)) {
      throw new Error(
        `MinMaxScaler: featureRange is [${a}, ${b}]; expected finite [low, high] with low < high`,
      );
    }
    this.featureRange = [a, b];
  }

  /** The fitted per-feature minimum, or undefined before fit. */
  get dataMin(): readonly number[] | undefined {
    return this.lo && Array.from(this.lo);
  }

  /** The fitted per-feature maximum, or undefined before fit. */
  get dataMax(): readonly number[] | undefined {
    return this.hi && Array.from(this.hi);
  }

  fit(X: Tensor): this {
    const fn = 'MinMaxScaler.fit';
    const { n, w } = columns(fn, X);
    if (n === 0) throw new Error(`${fn}: X has no rows; expected at least one`);
    checkFinite(fn, X, w);
    const lo = new Float64Array(w).fill(Number.POSITIVE_INFINITY);
    const hi = new Float64Array(w).fill(Number.NEGATIVE_INFINITY);
    for (let i = 0; i < X.data.length; i++) {
      const j = i % w;
      lo[j] = Math.min(lo[j]!, X.data[i]!);
      hi[j] = Math.max(hi[j]!, X.data[i]!);
    }
    this.setRange(lo, hi);
    return this;
  }

  transform(X: Tensor): Tensor {
    return apply('MinMaxScaler.transform', X, this.shift, this.s, false);
  }

  fitTransform(X: Tensor): Tensor {
    return this.fit(X).transform(X);
  }

  inverseTransform(X: Tensor): Tensor {
    return apply('MinMaxScaler.inverseTransform', X, this.shift, this.s, true);
  }

  toJSON(): MinMaxScalerJSON {
    if (!this.lo || !this.hi)
      throw new Error('MinMaxScaler.toJSON: the scaler is not fitted; call fit first');
    return {
      type: 'MinMaxScaler',
      featureRange: [...this.featureRange],
      dataMin: Array.from(this.lo),
      dataMax: Array.from(this.hi),
    };
  }

  static fromJSON(json: MinMaxScalerJSON): MinMaxScaler {
    const fn = 'MinMaxScaler.fromJSON';
    if (json?.type !== 'MinMaxScaler') {
      throw new Error(`${fn}: type is ${String(json?.type)}; expected 'MinMaxScaler'`);
    }
    const range = restore(fn, 'featureRange', json.featureRange, 2, false);
    const scaler = new MinMaxScaler({ featureRange: [range[0]!, range[1]!] });
    const lo = restore(fn, 'dataMin', json.dataMin, undefined, false);
    const hi = restore(fn, 'dataMax', json.dataMax, lo.length, false);
    hi.forEach((h, j) => {
      if (h < lo[j]!)
        throw new Error(
          `${fn}: dataMax[${j}] is ${h} < dataMin[${j}] ${lo[j]}; expected max >= min`,
        );
    });
    scaler.setRange(lo, hi);
    return scaler;
  }

  /** As x' = (x − shift) / s with s = (max − min) / (b − a) and shift = min − a·s. */
  private setRange(lo: Float64Array, hi: Float64Array): void {
    const [a, b] = this.featureRange;
    this.lo = lo;
    this.hi = hi;
    this.s = lo.map((l, j) => (hi[j]! - l === 0 ? 1 : hi[j]! - l) / (b - a));
    this.shift = lo.map((l, j) => l - a * this.s![j]!);
  }
}
