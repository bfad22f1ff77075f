import { checkOptions, optionKeys } from '@neunet/options';
import { Rng, Tensor } from '@neunet/tensor';
import { checkFinite, checkInteger, checkNonNegative, checkSeed } from './check.js';
import { shuffleRows } from './shuffle-rows.js';
import type { Dataset } from './spiral.js';

/** Options of `makeBlobs`. */
export interface BlobsOptions {
  /** Total points, an integer >= 1. */
  samples: number;
  /** How many centres to draw (default 3), or the centres themselves, one row each. */
  centers?: number | readonly (readonly number[])[];
  /** Features per point when `centers` is a count (default 2). */
  features?: number;
  /** Standard deviation of each blob, one for all or one per centre. Default 1. */
  std?: number | readonly number[];
  /** Drawn centres are uniform in this box, per coordinate. Default [-10, 10]. */
  centerBox?: readonly [number, number];
  /** Shuffle the rows (default true); without it the blobs come in order. */
  shuffle?: boolean;
  seed?: number;
}

const OPTIONS = optionKeys<BlobsOptions>()([
  'samples',
  'centers',
  'features',
  'std',
  'centerBox',
  'shuffle',
  'seed',
]);

/** Blobs and the centres they were drawn around. */
export interface BlobsDataset extends Dataset {
  /** [centres, features]. */
  centers: Tensor;
}

/**
 * Isotropic Gaussian blobs, as scikit-learn's `make_blobs`: centre i gets
 * floor(N / centres) points, plus one for each of the first N mod centres, drawn from
 * N(centre, std²·I) and labelled i. Drawn centres are uniform in `centerBox`.
 */
export function makeBlobs(options: BlobsOptions): BlobsDataset {
  checkOptions('makeBlobs', options, OPTIONS);
  const fn = 'makeBlobs';
  const { samples, centers = 3, std = 1, centerBox = [-10, 10], shuffle = true, seed } = options;
  checkInteger(fn, 'samples', samples, 1);
  checkSeed(fn, seed);
  const rng = new Rng(seed);
  const C = centerMatrix(centers, options.features ?? 2, centerBox, rng);
  const k = C.shape[0]!;
  const f = C.shape[1]!;
  const stds = typeof std === 'number' ? new Array<number>(k).fill(std) : [...std];
  if (stds.length !== k) {
    throw new Error(
      `${fn}: std has ${stds.length} entries but there are ${k} centres; expected one per centre`,
    );
  }
  stds.forEach((s, i) => {
    checkNonNegative(fn, `std[${i}]`, s);
  });
  const X = Tensor.zeros([samples, f]);
  const y = new Int32Array(samples);
  let row = 0;
  for (let c = 0; c < k; c++) {
    const count = Math.floor(samples / k) + (c < samples % k ? 1 : 0);
    for (let i = 0; i < count; i++, row++) {
      for (let j = 0; j < f; j++)
        X.data[row * f + j] = C.data[c * f + j]! + stds[c]! * rng.normal();
      y[row] = c;
    }
  }
  if (shuffle) shuffleRows(X, y, rng);
  return { X, y, centers: C };
}

function centerMatrix(
  centers: number | readonly (readonly number[])[],
  features: number,
  box: readonly [number, number],
  rng: Rng,
): Tensor {
  const fn = 'makeBlobs';
  if (typeof centers === 'number') {
    checkInteger(fn, 'centers', centers, 1);
    checkInteger(fn, 'features', features, 1);
    checkFinite(fn, 'centerBox[0]', box[0]);
    checkFinite(fn, 'centerBox[1]', box[1]);
    if (box[0] > box[1]) {
      throw new Error(
        `${fn}: centerBox is [${box.join(', ')}]; expected [low, high] with low <= high`,
      );
    }
    const C = Tensor.zeros([centers, features]);
    for (let i = 0; i < C.size; i++) C.data[i] = rng.uniformRange(box[0], box[1]);
    return C;
  }
  if (centers.length === 0)
    throw new Error(`${fn}: centers is empty; expected at least one centre`);
  const f = centers[0]!.length;
  centers.forEach((c, i) => {
    if (c.length !== f || f === 0) {
      throw new Error(
        `${fn}: centers[${i}] has ${c.length} coordinates; expected ${f} >= 1 like centers[0]`,
      );
    }
    c.forEach((v, j) => {
      checkFinite(fn, `centers[${i}][${j}]`, v);
    });
  });
  return new Tensor(Float32Array.from(centers.flat()), [centers.length, f]);
}
