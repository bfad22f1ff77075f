import { Rng, Tensor } from '@neunet/tensor';

/** W2's data: `samples` rows of `features` standard-normal inputs and uniform labels. */
export interface MlpData {
  X: Tensor;
  y: Int32Array;
  classes: number;
}

/** Random inputs and labels from one seed: every implementation trains on the same bytes. */
export function mlpData(samples: number, features: number, classes: number, seed: number): MlpData {
  const rng = new Rng(seed);
  const X = Tensor.zeros([samples, features]);
  for (let i = 0; i < X.data.length; i++) X.data[i] = rng.normal();
  const y = new Int32Array(samples);
  for (let i = 0; i < samples; i++) y[i] = rng.int(classes);
  return { X, y, classes };
}

/** A seeded standard-normal matrix, for the gemm operands. */
export function randomMatrix(rows: number, cols: number, rng: Rng): Tensor {
  const t = Tensor.zeros([rows, cols]);
  for (let i = 0; i < t.data.length; i++) t.data[i] = rng.normal();
  return t;
}
