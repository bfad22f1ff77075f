import { checkOptions, optionKeys } from '@neunet/options';
import type { Tensor } from '@neunet/tensor';
import { resolveLabels, type TrueLabels } from './labels.js';
import { scoreShape } from './scores.js';

const OPTIONS = optionKeys<NonNullable<Parameters<typeof logLoss>[2]>>()(['eps']);

/**
 * The mean negative log-likelihood of the true classes, −(1/N)·Σ log p(true class), in
 * nats, as scikit-learn's `log_loss`. `yProba` is a Tensor [N, C] of probabilities whose
 * rows sum to 1 (within 1e-4), or [N, 1] of P(class 1). Probabilities are clipped to
 * [eps, 1 − eps] (eps default 1e-15), so a confident mistake costs about 34.5, not ∞.
 *
 * Throws on a probability outside [0, 1], a row that does not sum to 1, NaN, a label
 * beyond the columns, or empty input.
 */
export function logLoss(yTrue: TrueLabels, yProba: Tensor, options: { eps?: number } = {}): number {
  checkOptions('logLoss', options, OPTIONS);
  const fn = 'logLoss';
  const { eps = 1e-15 } = options;
  if (!(eps > 0 && eps < 0.5))
    throw new Error(`${fn}: eps is ${eps}; expected a number in (0, 0.5)`);
  const { n, c } = scoreShape(fn, yProba, 'yProba');
  const t = resolveLabels(fn, yTrue, yProba).yTrue;
  const p = yProba.data;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < c; j++) {
      const v = p[i * c + j]!;
      if (!(v >= 0 && v <= 1)) {
        throw new Error(
          `${fn}: yProba row ${i}, column ${j} is ${v}; expected a probability in [0, 1]`,
        );
      }
      sum += v;
    }
    if (c > 1 && Math.abs(sum - 1) > 1e-4) {
      throw new Error(
        `${fn}: yProba row ${i} sums to ${sum}; expected probabilities that sum to 1`,
      );
    }
    const q = c === 1 ? (t[i] === 1 ? p[i]! : 1 - p[i]!) : p[i * c + t[i]!]!;
    total -= Math.log(Math.min(Math.max(q, eps), 1 - eps));
  }
  return total / n;
}
