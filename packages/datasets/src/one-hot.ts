import { Tensor } from '@neunet/tensor';

/**
 * One row per label with a 1 in the label's column: [N, numClasses]. `numClasses`
 * defaults to the largest label plus one. Throws on a negative or non-integer label, a
 * label >= numClasses, or a numClasses that is not a positive integer. An empty `y` gives
 * [0, numClasses], or [0, 0] without numClasses.
 */
export function oneHot(y: Int32Array | readonly number[], numClasses?: number): Tensor {
  let k = numClasses;
  if (k !== undefined && (!Number.isInteger(k) || k < 1)) {
    throw new Error(`oneHot: numClasses is ${k}; expected an integer >= 1`);
  }
  let max = -1;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (!Number.isInteger(v) || v < 0) {
      throw new Error(`oneHot: y[${i}] is ${v}; expected a class index (an integer >= 0)`);
    }
    if (v > max) max = v;
  }
  if (k === undefined) k = max + 1;
  else if (max >= k) {
    const at = Array.prototype.indexOf.call(y, max);
    throw new Error(
      `oneHot: y[${at}] is ${max} but numClasses is ${k}; expected labels 0..${k - 1} ` +
        `(numClasses >= ${max + 1})`,
    );
  }
  const out = Tensor.zeros([y.length, k]);
  for (let i = 0; i < y.length; i++) out.data[i * k + y[i]!] = 1;
  return out;
}
