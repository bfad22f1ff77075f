import { checkOptions, optionKeys } from '@neunet/options';
import { Rng, Tensor } from '@neunet/tensor';
import { checkInteger, checkNonNegative, checkSeed } from './check.js';
import { addNoise, linspace, shuffleRows } from './shuffle-rows.js';
import type { Dataset } from './spiral.js';

/** Options of `makeMoons`. */
export interface MoonsOptions {
  /** Total points, an integer >= 2. */
  samples: number;
  /** Standard deviation of the Gaussian noise added to every coordinate. Default 0. */
  noise?: number;
  /** Shuffle the rows (default true); without it class 0 comes first. */
  shuffle?: boolean;
  seed?: number;
}

const OPTIONS = optionKeys<MoonsOptions>()(['samples', 'noise', 'shuffle', 'seed']);

/**
 * Two interleaving half circles, as scikit-learn's `make_moons`: floor(N/2) points of
 * class 0 on (cos t, sin t) and the rest of class 1 on (1 − cos t, 0.5 − sin t), t evenly
 * spaced over [0, π] with both ends included, plus noise·N(0, 1) on each coordinate.
 */
export function makeMoons(options: MoonsOptions): Dataset {
  checkOptions('makeMoons', options, OPTIONS);
  const { samples, noise = 0, shuffle = true, seed } = options;
  checkInteger('makeMoons', 'samples', samples, 2);
  checkNonNegative('makeMoons', 'noise', noise);
  checkSeed('makeMoons', seed);
  const rng = new Rng(seed);
  const nOut = Math.floor(samples / 2);
  const X = Tensor.zeros([samples, 2]);
  const y = new Int32Array(samples);
  for (let i = 0; i < samples; i++) {
    const outer = i < nOut;
    const t = outer
      ? linspace(0, Math.PI, nOut, i)
      : linspace(0, Math.PI, samples - nOut, i - nOut);
    X.data[2 * i] = outer ? Math.cos(t) : 1 - Math.cos(t);
    X.data[2 * i + 1] = outer ? Math.sin(t) : 1 - Math.sin(t) - 0.5;
    y[i] = outer ? 0 : 1;
  }
  if (shuffle) shuffleRows(X, y, rng);
  addNoise(X, noise, rng);
  return { X, y };
}
