import type { Tensor } from '@neunet/tensor';

/** Checks that `scores` is a Tensor [N, C] (C >= 1) and returns N and C. */
export function scoreShape(fn: string, scores: Tensor, name = 'yScore'): { n: number; c: number } {
  if (
    typeof scores !== 'object' ||
    scores === null ||
    ArrayBuffer.isView(scores) ||
    Array.isArray(scores)
  ) {
    throw new Error(`${fn}: ${name} is not a Tensor; expected a Tensor [N, C] of scores`);
  }
  if (scores.shape.length !== 2 || scores.shape[1] === 0) {
    throw new Error(
      `${fn}: ${name} is a Tensor of shape [${scores.shape.join(', ')}]; expected [N, C] with C >= 1`,
    );
  }
  return { n: scores.shape[0]!, c: scores.shape[1]! };
}
