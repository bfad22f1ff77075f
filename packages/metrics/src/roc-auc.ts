import { checkOptions, optionKeys } from '@neunet/options';
import type { Tensor } from '@neunet/tensor';
import { resolveLabels, type TrueLabels } from './labels.js';
import { scoreShape } from './scores.js';

/** Options of `rocAuc`. */
export interface RocAucOptions {
  /**
   * How one-vs-rest AUCs of a multi-class problem are averaged: 'macro' (default, the
   * plain mean over classes) or 'weighted' (by each class's share of yTrue).
   */
  average?: 'macro' | 'weighted';
}

const OPTIONS = optionKeys<RocAucOptions>()(['average']);

/**
 * The area under the ROC curve: the probability that a random positive scores above a
 * random negative, ties counting one half (the Mann–Whitney statistic, equal to
 * scikit-learn's `roc_auc_score`). 1 for a perfect ranking, 0 for a reversed one.
 *
 * Binary: `yScore` is [N, 1] (or a plain array) of scores for class 1 and yTrue holds 0
 * and 1. Multi-class: `yScore` is [N, C] and the result is the one-vs-rest AUC of each
 * class against the rest, averaged (macro or weighted); scores need not sum to 1.
 *
 * Throws when AUC is undefined: yTrue holds one class only (binary), or some class has
 * no samples in yTrue (one-vs-rest). Also on NaN scores, a length mismatch or empty input.
 */
export function rocAuc(
  yTrue: TrueLabels,
  yScore: Tensor | Float32Array | Float64Array | readonly number[],
  options: RocAucOptions = {},
): number {
  checkOptions('rocAuc', options, OPTIONS);
  const fn = 'rocAuc';
  const { average = 'macro' } = options;
  if (average !== 'macro' && average !== 'weighted') {
    throw new Error(`${fn}: average is ${String(average)}; expected 'macro' or 'weighted'`);
  }
  const scores = toColumns(fn, yScore);
  const { n, c } = scoreShape(fn, scores.tensor);
  const t = resolveLabels(fn, yTrue, scores.tensor).yTrue;
  const s = scores.data;
  for (let i = 0; i < s.length; i++) {
    if (Number.isNaN(s[i]!))
      throw new Error(
        `${fn}: yScore row ${Math.floor(i / c)}, column ${i % c} is NaN; expected finite scores`,
      );
  }
  if (c === 1) {
    const auc = binaryAuc(t, 1, Float64Array.from(s));
    if (auc === undefined) {
      throw new Error(
        `${fn}: yTrue holds only class ${t[0]}, so ROC AUC is undefined; expected both classes 0 and 1`,
      );
    }
    return auc;
  }
  let sum = 0;
  for (let k = 0; k < c; k++) {
    const auc = binaryAuc(
      t,
      k,
      Float64Array.from({ length: n }, (_, i) => s[i * c + k]!),
    );
    if (auc === undefined) {
      const what = t.every((v) => v === k) ? `only class ${k}` : `no sample of class ${k}`;
      throw new Error(
        `${fn}: yTrue has ${what}, so its one-vs-rest ROC AUC is undefined; expected every one of the ${c} classes in yTrue`,
      );
    }
    const weight = average === 'macro' ? 1 / c : t.filter((v) => v === k).length / n;
    sum += weight * auc;
  }
  return sum;
}

function toColumns(fn: string, y: Tensor | Float32Array | Float64Array | readonly number[]) {
  if (Array.isArray(y) || ArrayBuffer.isView(y)) {
    const data = Float64Array.from(y as ArrayLike<number>);
    // A minimal Tensor-shaped view so that the label checks see one binary column.
    const tensor = { shape: [data.length, 1], data: Float32Array.from(data) } as unknown as Tensor;
    return { tensor, data };
  }
  scoreShape(fn, y as Tensor);
  return { tensor: y as Tensor, data: (y as Tensor).data };
}

/**
 * AUC of `scores` for "label == positive" by the rank-sum formula with tied ranks
 * averaged; undefined when there are no positives or no negatives.
 */
function binaryAuc(labels: Int32Array, positive: number, scores: Float64Array): number | undefined {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const mid = (i + j) / 2 + 1;
    for (let m = i; m <= j; m++) {
      if (labels[order[m]!] === positive) {
        pos++;
        rankSum += mid;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return undefined;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
