import type { Tensor } from '@neunet/tensor';
import { clip, inClipRange } from './clip.js';
import type { Loss, LossConfig, LossOptions } from './loss.js';
import {
  batchSize,
  checkClassLabels,
  checkTargetTensor,
  gradientBuffer,
  type Target,
} from './target.js';
import { WeightPenalty } from './weight-penalty.js';

/**
 * Cross-entropy for one class per sample. `pred` holds probabilities [N, C] (a Softmax
 * output); the target is a class index per row or one-hot rows. The loss is the mean of
 * −Σ_j y_j·log(clip(p_j)), which for one-hot rows is the seed's −log(Σ_j clip(p_j)·y_j).
 */
export class CategoricalCrossentropy implements Loss {
  readonly penalty: WeightPenalty;
  readonly task = 'classification';
  readonly fusesWith = 'softmax';

  constructor(options: LossOptions = {}) {
    this.penalty = new WeightPenalty(options);
  }

  forward(pred: Tensor, target: Target): number {
    const where = 'CategoricalCrossentropy.forward';
    const n = batchSize(where, pred);
    const c = pred.size / n;
    const P = pred.data;
    let sum = 0;
    if (target instanceof Int32Array) {
      checkClassLabels(where, pred, target, c);
      for (let r = 0; r < n; r++) sum -= Math.log(clip(P[r * c + target[r]!]!));
    } else {
      checkTargetTensor(where, pred, target);
      const Y = target.data;
      for (let i = 0; i < P.length; i++) {
        const y = Y[i]!;
        if (y !== 0) sum -= y * Math.log(clip(P[i]!));
      }
    }
    return sum / n;
  }

  /** −y / (p·N), and 0 where p was clipped. */
  backward(pred: Tensor, target: Target, out?: Tensor): Tensor {
    const where = 'CategoricalCrossentropy.backward';
    const n = batchSize(where, pred);
    const c = pred.size / n;
    const P = pred.data;
    if (target instanceof Int32Array) {
      checkClassLabels(where, pred, target, c);
      const result = gradientBuffer(where, pred, out);
      const O = result.data;
      for (let r = 0; r < n; r++) {
        const at = r * c + target[r]!;
        const p = P[at]!; // read before the fill, in case out is pred
        O.fill(0, r * c, r * c + c);
        O[at] = inClipRange(p) ? -1 / p / n : 0;
      }
      return result;
    }
    checkTargetTensor(where, pred, target);
    const result = gradientBuffer(where, pred, out);
    const O = result.data;
    const Y = target.data;
    for (let i = 0; i < P.length; i++) {
      const p = P[i]!;
      const y = Y[i]!;
      O[i] = y !== 0 && inClipRange(p) ? -y / p / n : 0;
    }
    return result;
  }

  backwardFused(prob: Tensor, target: Target, out?: Tensor): Tensor {
    return this.backwardFromSoftmax(prob, target, out);
  }

  /**
   * The gradient with respect to the logits when `prob` is the output of a Softmax:
   * (p − y)/N. The model calls this in place of chaining the Softmax's backward, which
   * would need a C×C Jacobian per sample. No clipping: the fused form is finite everywhere.
   */
  backwardFromSoftmax(prob: Tensor, target: Target, out?: Tensor): Tensor {
    const where = 'CategoricalCrossentropy.backwardFromSoftmax';
    const n = batchSize(where, prob);
    const c = prob.size / n;
    const P = prob.data;
    if (target instanceof Int32Array) {
      checkClassLabels(where, prob, target, c);
      const result = gradientBuffer(where, prob, out);
      const O = result.data;
      for (let r = 0; r < n; r++) {
        const label = target[r]!;
        for (let j = 0, i = r * c; j < c; j++, i++) O[i] = (P[i]! - (j === label ? 1 : 0)) / n;
      }
      return result;
    }
    checkTargetTensor(where, prob, target);
    const result = gradientBuffer(where, prob, out);
    const O = result.data;
    const Y = target.data;
    for (let i = 0; i < P.length; i++) O[i] = (P[i]! - Y[i]!) / n;
    return result;
  }

  getConfig(): LossConfig {
    return { type: 'CategoricalCrossentropy', l1: this.penalty.l1, l2: this.penalty.l2 };
  }
}
