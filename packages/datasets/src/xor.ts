import { checkOptions, optionKeys } from '@neunet/options';
import { Rng, Tensor } from '@neunet/tensor';
import { checkInteger, checkNonNegative, checkSeed } from './check.js';
import { addNoise } from './shuffle-rows.js';
import type { Dataset } from './spiral.js';

/** Options of `makeXor`. */
export interface XorOptions {
  /** Total points, an integer >= 1. */
  samples: number;
  /** Standard deviation of Gaussian noise added to each coordinate after labelling. Default 0. */
  noise?: number;
  seed?: number;
}

const OPTIONS = optionKeys<XorOptions>()(['samples', 'noise', 'seed']);

/**
 * Points uniform in the square [-1, 1)², labelled 1 when exactly one coordinate is
 * positive (x₀ > 0 xor x₁ > 0) and 0 otherwise; noise, if any, is added after labelling.
 */
export function makeXor(options: XorOptions): Dataset {
  checkOptions('makeXor', options, OPTIONS);
  const { samples, noise = 0, seed } = options;
  checkInteger('makeXor', 'samples', samples, 1);
  checkNonNegative('makeXor', 'noise', noise);
  checkSeed('makeXor', seed);
  const rng = new Rng(seed);
  const X = Tensor.zeros([samples, 2]);
  const y = new Int32Array(samples);
  for (let i = 0; i < samples; i++) {
    const a = rng.uniformRange(-1, 1);
    const b = rng.uniformRange(-1, 1);
    X.data[2 * i] = a;
    X.data[2 * i + 1] = b;
    y[i] = a > 0 !== b > 0 ? 1 : 0;
  }
  addNoise(X, noise, rng);
  return { X, y };
}
