/**
 * The sum of `values` in numpy's order (pairwise, eight running sums per block of up to
 * 128), so that an average is the same double as scikit-learn's: a sum taken left to
 * right can differ in its last bit, which shows in a report whenever it lands on the
 * other side of a rounding tie (0.575 against 0.5750000000000001 prints 0.57 or 0.58).
 */
export function pairwiseSum(values: readonly number[], start = 0, end = values.length): number {
  const n = end - start;
  if (n < 8) {
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i]!;
    return sum;
  }
  if (n <= 128) {
    const r = values.slice(start, start + 8);
    let i = start + 8;
    for (const stop = end - (n % 8); i < stop; i += 8) {
      for (let j = 0; j < 8; j++) r[j]! += values[i + j]!;
    }
    // ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), as numpy adds them.
    let sum = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < end; i++) sum += values[i]!;
    return sum;
  }
  const half = Math.floor(n / 2);
  const split = start + half - (half % 8);
  return pairwiseSum(values, start, split) + pairwiseSum(values, split, end);
}
