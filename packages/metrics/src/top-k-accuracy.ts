import type { Tensor } from '@neunet/tensor';
import { resolveLabels, type TrueLabels } from './labels.js';
import { scoreShape } from './scores.js';

/**
 * The fraction of samples whose true class is among the `k` highest scores of its row,
 * as scikit-learn's `top_k_accuracy_score`. `yScore` is a Tensor [N, C] with C >= 2 and
 * 1 <= k <= C; k = 1 is `calculateAccuracy`. Ties rank the lower class index first, the
 * same rule as the argmax: class c's rank is the number of classes scoring above it plus
 * the lower-indexed classes scoring the same.
 */
export function topKAccuracy(yTrue: TrueLabels, yScore: Tensor, k: number): number {
  const fn = 'topKAccuracy';
  const { n, c } = scoreShape(fn, yScore);
  if (c < 2) throw new Error(`${fn}: yScore has 1 column; expected one score per class, C >= 2`);
  if (!Number.isInteger(k) || k < 1 || k > c) {
    throw new Error(`${fn}: k is ${k}; expected an integer in [1, ${c}] (the number of classes)`);
  }
  const t = resolveLabels(fn, yTrue, yScore).yTrue;
  const s = yScore.data;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const label = t[i]!;
    const mine = s[i * c + label]!;
    let rank = 0;
    for (let j = 0; j < c; j++) {
      const v = s[i * c + j]!;
      if (v > mine || (v === mine && j < label)) rank++;
    }
    if (rank < k) hits++;
  }
  return hits / n;
}
