import { Tensor } from '@neunet/tensor';
import { IRIS_ROWS } from './iris-data.js';

/** A classification table with names for its columns and classes. */
export interface NamedDataset {
  /** [N, features] float32. */
  X: Tensor;
  /** Class indices into `classNames`. */
  y: Int32Array;
  classNames: string[];
  featureNames: string[];
}

/**
 * Fisher's Iris data: X [150, 4] (sepal length, sepal width, petal length, petal width in
 * cm) and y with 50 rows each of 0 = setosa, 1 = versicolor, 2 = virginica, in that order
 * (shuffle or split before training). The rows are the UCI repository's corrected
 * `bezdekIris.data`, the same as scikit-learn's `load_iris`. Returns fresh arrays.
 */
export function loadIris(): NamedDataset {
  const X = Tensor.zeros([IRIS_ROWS.length, 4]);
  const y = new Int32Array(IRIS_ROWS.length);
  IRIS_ROWS.forEach((row, i) => {
    X.data.set(row, i * 4);
    y[i] = Math.floor(i / 50);
  });
  return {
    X,
    y,
    classNames: ['setosa', 'versicolor', 'virginica'],
    featureNames: [
      'sepal length (cm)',
      'sepal width (cm)',
      'petal length (cm)',
      'petal width (cm)',
    ],
  };
}
