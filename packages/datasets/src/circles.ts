import { checkOptions, optionKeys } from '@neunet/options';
import { Rng, Tensor } from '@neunet/tensor';
import { checkInteger, checkNonNegative, checkSeed } from './check.js';
import { addNoise, linspace, shuffleRows } from './shuffle-rows.js';
import type { Dataset } from './spiral.js';

/** Options of `makeCircles`. */
export interface CirclesOptions {
  /** Total points, an integer >= 2. */
  samples: number;
  /** Standard deviation of the Gaussian noise added to every coordinate. Default 0. */
  noise?: number;
  /** Radius of the inner circle relative to the outer one, in [0, 1). Default 0.8. */
  factor?: number;
  /** Shuffle the rows (default true); without it class 0 comes first. */
  shuffle?: boolean;
  seed?: number;
}

const OPTIONS = optionKeys<CirclesOptions>()(['samples', 'noise', 'factor', 'shuffle', 'seed']);

/**
 * A circle inside a circle, as scikit-learn's `make_circles`: floor(N/2) points of class
 * 0 on the unit circle and the rest of class 1 on a circle of radius `factor`, each evenly
 * spaced over [0, 2π) (end excluded), plus noise·N(0, 1) on each coordinate.
 */
export function makeCircles(options: CirclesOptions): Dataset {
  checkOptions('makeCircles', options, OPTIONS);
  const { samples, noise = 0, factor = 0.8, shuffle = true, seed } = options;
  checkInteger('makeCircles', 'samples', samples, 2);
  checkNonNegative('makeCircles', 'noise', noise);
  if (!(factor >= 0 && factor < 1)) {
    throw new Error(`makeCircles: factor is ${factor}; expected a number in [0, 1)`);
  }
  checkSeed('makeCircles', seed);
  const rng = new Rng(seed);
  const nOut = Math.floor(samples / 2);
  const X = Tensor.zeros([samples, 2]);
  const y = new Int32Array(samples);
  for (let i = 0; i < samples; i++) {
    const outer = i < nOut;
    const t = outer
      ? linspace(0, 2 * Math.PI, nOut, i, false)
      : linspace(0, 2 * Math.PI, samples - nOut, i - nOut, false);
    const r = outer ? 1 : factor;
    X.data[2 * i] = r * Math.cos(t);
    X.data[2 * i + 1] = r * Math.sin(t);
    y[i] = outer ? 0 : 1;
  }
  if (shuffle) shuffleRows(X, y, rng);
  addNoise(X, noise, rng);
  return { X, y };
}
