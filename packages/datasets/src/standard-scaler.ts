import type { Tensor } from '@neunet/tensor';
import { apply, checkFinite, columns, restore } from './scaler.js';

/** A fitted StandardScaler as plain JSON. */
export interface StandardScalerJSON {
  type: 'StandardScaler';
  mean: number[];
  scale: number[];
}

/**
 * Standardises each feature to mean 0 and standard deviation 1, as scikit-learn's
 * `StandardScaler`: fit on the training rows, then transform train and test alike with
 * the training mean and population standard deviation (ddof 0), computed in float64.
 *
 * A constant feature (variance 0) gets scale 1, so it is centred to 0 but not divided by
 * zero. Throws on transform before fit, a width other than the fitted one, fitting on no
 * rows, or a value that is not finite.
 */
export class StandardScaler {
  private m: Float64Array | undefined;
  private s: Float64Array | undefined;

  /** The fitted per-feature mean, or undefined before fit. */
  get mean(): readonly number[] | undefined {
    return this.m && Array.from(this.m);
  }

  /** The fitted per-feature scale (the standard deviation, 1 for a constant feature). */
  get scale(): readonly number[] | undefined {
    return this.s && Array.from(this.s);
  }

  fit(X: Tensor): this {
    const fn = 'StandardScaler.fit';
    const { n, w } = columns(fn, X);
    if (n === 0) throw new Error(`${fn}: X has no rows; expected at least one`);
    checkFinite(fn, X, w);
    const mean = new Float64Array(w);
    for (let i = 0; i < X.data.length; i++) mean[i % w]! += X.data[i]!;
    for (let j = 0; j < w; j++) mean[j]! /= n;
    const variance = new Float64Array(w);
    for (let i = 0; i < X.data.length; i++) {
      const d = X.data[i]! - mean[i % w]!;
      variance[i % w]! += d * d;
    }
    this.m = mean;
    this.s = variance.map((v) => (v === 0 ? 1 : Math.sqrt(v / n)));
    return this;
  }

  transform(X: Tensor): Tensor {
    return apply('StandardScaler.transform', X, this.m, this.s, false);
  }

  fitTransform(X: Tensor): Tensor {
    return this.fit(X).transform(X);
  }

  inverseTransform(X: Tensor): Tensor {
    return apply('StandardScaler.inverseTransform', X, this.m, this.s, true);
  }

  toJSON(): StandardScalerJSON {
    if (!this.m || !this.s)
      throw new Error('StandardScaler.toJSON: the scaler is not fitted; call fit first');
    return { type: 'StandardScaler', mean: Array.from(this.m), scale: Array.from(this.s) };
  }

  static fromJSON(json: StandardScalerJSON): StandardScaler {
    const fn = 'StandardScaler.fromJSON';
    if (json?.type !== 'StandardScaler') {
      throw new Error(`${fn}: type is ${String(json?.type)}; expected 'StandardScaler'`);
    }
    const scaler = new StandardScaler();
    scaler.m = restore(fn, 'mean', json.mean, undefined, false);
    scaler.s = restore(fn, 'scale', json.scale, scaler.m.length, true);
    return scaler;
  }
}
