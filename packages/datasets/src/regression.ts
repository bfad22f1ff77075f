import { checkOptions, optionKeys } from '@neunet/options';
import { Rng, Tensor } from '@neunet/tensor';
import { checkFinite, checkInteger, checkNonNegative, checkSeed } from './check.js';

/** Inputs and real-valued targets. */
export interface RegressionDataset {
  /** [N, features] float32. */
  X: Tensor;
  /** [N, 1] float32. */
  y: Tensor;
}

/** Options of `makeSine`. */
export interface SineOptions {
  /** Total points, an integer >= 1. */
  samples: number;
  /** Standard deviation of the Gaussian noise added to each target. Default 0. */
  noise?: number;
  /** x is uniform in [low, high). Default [-π, π]. */
  range?: readonly [number, number];
  seed?: number;
}

const SINE_OPTIONS = optionKeys<SineOptions>()(['samples', 'noise', 'range', 'seed']);

/**
 * y = sin(x) + noise·N(0, 1) for x uniform in `range`. X and y are [N, 1]. Over a whole
 * period var(sin x) is 1/2, so even the true function scores an R² of only about
 * 0.5 / (0.5 + noise²) against noisy targets (0.98 at noise 0.1).
 */
export function makeSine(options: SineOptions): RegressionDataset {
  checkOptions('makeSine', options, SINE_OPTIONS);
  const { samples, noise = 0, range = [-Math.PI, Math.PI], seed } = options;
  checkInteger('makeSine', 'samples', samples, 1);
  checkNonNegative('makeSine', 'noise', noise);
  checkFinite('makeSine', 'range[0]', range[0]);
  checkFinite('makeSine', 'range[1]', range[1]);
  if (range[0] >= range[1]) {
    throw new Error(
      `makeSine: range is [${range.join(', ')}]; expected [low, high] with low < high`,
    );
  }
  checkSeed('makeSine', seed);
  const rng = new Rng(seed);
  const X = Tensor.zeros([samples, 1]);
  const y = Tensor.zeros([samples, 1]);
  for (let i = 0; i < samples; i++) {
    const x = Math.fround(rng.uniformRange(range[0], range[1]));
    X.data[i] = x;
    y.data[i] = Math.sin(x) + (noise === 0 ? 0 : noise * rng.normal());
  }
  return { X, y };
}

/** Options of `makeLinear`. */
export interface LinearOptions {
  /** Total points, an integer >= 1. */
  samples: number;
  /** Features per point when `weights` is not given (default 1). */
  features?: number;
  /** The true weights, one per feature; by default drawn uniform in [-1, 1). */
  weights?: readonly number[];
  /** The true intercept. Default 0. */
  bias?: number;
  /** Standard deviation of the Gaussian noise added to each target. Default 0. */
  noise?: number;
  seed?: number;
}

const LINEAR_OPTIONS = optionKeys<LinearOptions>()([
  'samples',
  'features',
  'weights',
  'bias',
  'noise',
  'seed',
]);

/** A linear data set and the line it was drawn from. */
export interface LinearDataset extends RegressionDataset {
  weights: number[];
  bias: number;
}

/**
 * y = X·weights + bias + noise·N(0, 1) with X ~ N(0, 1), as scikit-learn's
 * `make_regression` with every feature informative (but weights in [-1, 1) rather than
 * [0, 100), so that the targets need no scaling). y is [N, 1].
 */
export function makeLinear(options: LinearOptions): LinearDataset {
  checkOptions('makeLinear', options, LINEAR_OPTIONS);
  const fn = 'makeLinear';
  const { samples, bias = 0, noise = 0, seed } = options;
  checkInteger(fn, 'samples', samples, 1);
  checkFinite(fn, 'bias', bias);
  checkNonNegative(fn, 'noise', noise);
  checkSeed(fn, seed);
  const rng = new Rng(seed);
  let weights: number[];
  if (options.weights) {
    if (options.features !== undefined && options.features !== options.weights.length) {
      throw new Error(
        `${fn}: features is ${options.features} but weights has ${options.weights.length} entries; expected equal`,
      );
    }
    weights = [...options.weights];
    checkInteger(fn, 'weights.length', weights.length, 1);
    weights.forEach((w, i) => {
      checkFinite(fn, `weights[${i}]`, w);
    });
  } else {
    const f = options.features ?? 1;
    checkInteger(fn, 'features', f, 1);
    weights = Array.from({ length: f }, () => rng.uniformRange(-1, 1));
  }
  const f = weights.length;
  const X = Tensor.zeros([samples, f]);
  const y = Tensor.zeros([samples, 1]);
  for (let i = 0; i < samples; i++) {
    let t = bias;
    for (let j = 0; j < f; j++) {
      const x = Math.fround(rng.normal());
      X.data[i * f + j] = x;
      t += weights[j]! * x;
    }
    y.data[i] = t + (noise === 0 ? 0 : noise * rng.normal());
  }
  return { X, y, weights, bias };
}
