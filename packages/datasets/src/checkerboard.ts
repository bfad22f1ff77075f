import { checkOptions, optionKeys } from '@neunet/options';
import { Rng, Tensor } from '@neunet/tensor';
import { checkInteger, checkSeed } from './check.js';
import type { Dataset } from './spiral.js';

/** Options of `makeCheckerboard`. */
export interface CheckerboardOptions {
  /** Total points, an integer >= 1. */
  samples: number;
  /** Squares along each side of the board, an integer >= 1. Default 4. */
  tiles?: number;
  seed?: number;
}

const OPTIONS = optionKeys<CheckerboardOptions>()(['samples', 'tiles', 'seed']);

/**
 * Points uniform in [-1, 1)², labelled by the colour of the checkerboard square they fall
 * in: with u = (x + 1) / 2, the label is (floor(u₀·tiles) + floor(u₁·tiles)) mod 2.
 */
export function makeCheckerboard(options: CheckerboardOptions): Dataset {
  checkOptions('makeCheckerboard', options, OPTIONS);
  const { samples, tiles = 4, seed } = options;
  checkInteger('makeCheckerboard', 'samples', samples, 1);
  checkInteger('makeCheckerboard', 'tiles', tiles, 1);
  checkSeed('makeCheckerboard', seed);
  const rng = new Rng(seed);
  const X = Tensor.zeros([samples, 2]);
  const y = new Int32Array(samples);
  for (let i = 0; i < samples; i++) {
    const u = rng.uniform();
    const v = rng.uniform();
    X.data[2 * i] = 2 * u - 1;
    X.data[2 * i + 1] = 2 * v - 1;
    y[i] = (Math.floor(u * tiles) + Math.floor(v * tiles)) % 2;
  }
  return { X, y };
}
