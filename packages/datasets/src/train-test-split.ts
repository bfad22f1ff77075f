import { checkOptions, optionKeys } from '@neunet/options';
import { Rng, Tensor } from '@neunet/tensor';

/** Options of `trainTestSplit`. */
export interface TrainTestSplitOptions {
  /** The fraction of rows that go to the test set, in (0, 1). Default 0.25. */
  testSize?: number;
  /** The random seed for shuffling; a random one when absent. Unused without shuffling. */
  seed?: number;
  /**
   * Shuffle before splitting (default true). Without shuffling the last rows are the test
   * set, and both sets keep the original row order.
   */
  shuffle?: boolean;
  /** Keep each class's share of the rows in both sets (default false). */
  stratify?: boolean;
}

const OPTIONS = optionKeys<TrainTestSplitOptions>()(['testSize', 'seed', 'shuffle', 'stratify']);

/** The two halves of a split; `Y` is the label type that went in. */
export interface TrainTestSplit<Y extends Int32Array | Tensor> {
  XTrain: Tensor;
  XTest: Tensor;
  yTrain: Y;
  yTest: Y;
}

/**
 * Splits rows of X and y into a train and a test set: round(testSize · N) rows go to the
 * test set, every row lands in exactly one set, and a seed reproduces the split. `y` is
 * class indices (an Int32Array, returned as Int32Arrays) or a Tensor with one row per
 * sample, such as one-hot labels (returned as Tensors).
 *
 * With `stratify`, rows are grouped by class (the label; for a Tensor the row argmax, or
 * the value of a single column) and class c of n_c rows sends floor(testSize · n_c) rows
 * to the test set; the rows still missing from round(testSize · N) go one each to the
 * classes with the largest remainders testSize · n_c − floor(testSize · n_c) (ties: the
 * larger class, then the smaller label). So the test total is exact and each class is
 * within one row of its proportional share; a class of one row may end up only in test.
 *
 * Throws if X and y differ in rows, testSize is not in (0, 1), or the split would leave
 * the train or the test set empty.
 */
export function trainTestSplit(
  X: Tensor,
  y: Int32Array,
  options?: TrainTestSplitOptions,
): TrainTestSplit<Int32Array>;
export function trainTestSplit(
  X: Tensor,
  y: Tensor,
  options?: TrainTestSplitOptions,
): TrainTestSplit<Tensor>;
export function trainTestSplit(
  X: Tensor,
  y: Int32Array | Tensor,
  options?: TrainTestSplitOptions,
): TrainTestSplit<Int32Array | Tensor>;
export function trainTestSplit(
  X: Tensor,
  y: Int32Array | Tensor,
  options: TrainTestSplitOptions = {},
): TrainTestSplit<Int32Array | Tensor> {
  checkOptions('trainTestSplit', options, OPTIONS);
  const { testSize = 0.25, seed, shuffle = true, stratify = false } = options;
  if (X.shape.length === 0) throw new Error('trainTestSplit: X has no rows; expected [N, ...]');
  const n = X.shape[0]!;
  const ny = isTensor(y) ? (y.shape[0] ?? 0) : y.length;
  if (ny !== n) {
    throw new Error(`trainTestSplit: X has ${n} rows but y has ${ny}; expected one label per row`);
  }
  if (!(testSize > 0 && testSize < 1)) {
    throw new Error(`trainTestSplit: testSize is ${testSize}; expected a fraction in (0, 1)`);
  }
  const nTest = Math.round(testSize * n);
  if (nTest === 0 || nTest === n) {
    throw new Error(
      `trainTestSplit: testSize ${testSize} of ${n} rows puts ${nTest} in test and ` +
        `${n - nTest} in train; expected at least one row in each`,
    );
  }
  if (seed !== undefined && !Number.isFinite(seed)) {
    throw new Error(`trainTestSplit: seed is ${seed}; expected a finite number`);
  }
  const rng = shuffle ? new Rng(seed) : undefined;
  const { train, test } = stratify
    ? stratifiedIndices(classKeys(y), testSize, nTest, rng)
    : plainIndices(n, nTest, rng);
  return {
    XTrain: takeRows(X, train),
    XTest: takeRows(X, test),
    yTrain: isTensor(y) ? takeRows(y, train) : takeLabels(y, train),
    yTest: isTensor(y) ? takeRows(y, test) : takeLabels(y, test),
  };
}

function isTensor(y: Int32Array | Tensor): y is Tensor {
  // Structural, not `instanceof`: an ESM and a CJS copy of @neunet/tensor may both be loaded.
  return !ArrayBuffer.isView(y);
}

interface Indices {
  train: Int32Array;
  test: Int32Array;
}

function plainIndices(n: number, nTest: number, rng: Rng | undefined): Indices {
  if (rng) {
    const perm = rng.permutation(n);
    return { test: perm.slice(0, nTest), train: perm.slice(nTest) };
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  return { train: order.slice(0, n - nTest), test: order.slice(n - nTest) };
}

function stratifiedIndices(
  keys: Float64Array,
  testSize: number,
  nTest: number,
  rng: Rng | undefined,
): Indices {
  const groups = new Map<number, number[]>();
  keys.forEach((k, i) => {
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const classes = [...groups.keys()]
    .sort((a, b) => a - b)
    .map((key) => {
      const rows = groups.get(key)!;
      const ideal = testSize * rows.length;
      return { key, rows, take: Math.floor(ideal), rest: ideal - Math.floor(ideal) };
    });
  let missing = nTest - classes.reduce((s, c) => s + c.take, 0);
  const byRemainder = [...classes].sort(
    (a, b) => b.rest - a.rest || b.rows.length - a.rows.length || a.key - b.key,
  );
  for (const c of byRemainder) {
    if (missing === 0) break;
    c.take++;
    missing--;
  }
  const train: number[] = [];
  const test: number[] = [];
  for (const { rows, take } of classes) {
    if (rng) {
      rng.shuffle(rows);
      test.push(...rows.slice(0, take));
      train.push(...rows.slice(take));
    } else {
      test.push(...rows.slice(rows.length - take));
      train.push(...rows.slice(0, rows.length - take));
    }
  }
  const trainIdx = Int32Array.from(train);
  const testIdx = Int32Array.from(test);
  // Otherwise the sets would come out sorted by class, which batches would inherit.
  if (rng) {
    rng.shuffle(trainIdx);
    rng.shuffle(testIdx);
  } else {
    trainIdx.sort();
    testIdx.sort();
  }
  return { train: trainIdx, test: testIdx };
}

/** The class of each row: the label itself, a Tensor row's argmax, or a single column's value. */
function classKeys(y: Int32Array | Tensor): Float64Array {
  if (!isTensor(y)) return Float64Array.from(y);
  const n = y.shape[0]!;
  const w = n === 0 ? 0 : y.data.length / n;
  const Y = y.data;
  const keys = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const base = r * w;
    let best = 0;
    for (let j = 1; j < w; j++) if (Y[base + j]! > Y[base + best]!) best = j;
    keys[r] = w === 1 ? Y[base]! : best;
  }
  return keys;
}

function takeRows(t: Tensor, idx: Int32Array): Tensor {
  const n = t.shape[0]!;
  const width = n === 0 ? 0 : t.data.length / n;
  const src = t.data;
  const out = new Float32Array(idx.length * width);
  for (let i = 0; i < idx.length; i++) {
    const from = idx[i]! * width;
    out.set(src.subarray(from, from + width), i * width);
  }
  return new Tensor(out, [idx.length, ...t.shape.slice(1)]);
}

function takeLabels(y: Int32Array, idx: Int32Array): Int32Array {
  const out = new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = y[idx[i]!]!;
  return out;
}
