import { checkOptions } from '@neunet/options';
import { getBackend, type Tensor } from '@neunet/tensor';
import type { Loss, LossConfig, LossOptions } from './loss.js';
import {
  batchSize,
  checkClassLabels,
  checkTargetTensor,
  gradientBuffer,
  type Target,
} from './target.js';
import { PENALTY_OPTIONS, WeightPenalty } from './weight-penalty.js';

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
    checkOptions('CategoricalCrossentropy', options, PENALTY_OPTIONS);
    this.penalty = new WeightPenalty(options);
  }

  forward(pred: Tensor, target: Target): number {
    return getBackend().loss(
      'crossEntropy',
      pred,
      checked('CategoricalCrossentropy.forward', pred, target),
    );
  }

  /** −y / (p·N), and 0 where p was clipped. */
  backward(pred: Tensor, target: Target, out?: Tensor): Tensor {
    const where = 'CategoricalCrossentropy.backward';
    const Y = checked(where, pred, target);
    return getBackend().lossBackward('crossEntropy', pred, Y, gradientBuffer(where, pred, out));
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
    const Y = checked(where, prob, target);
    return getBackend().softmaxCrossEntropyBackward(prob, Y, gradientBuffer(where, prob, out));
  }

  getConfig(): LossConfig {
    return { type: 'CategoricalCrossentropy', l1: this.penalty.l1, l2: this.penalty.l2 };
  }
}

/** The target's values once checked: class indices in range, or a tensor of pred's shape. */
function checked(where: string, pred: Tensor, target: Target): Float32Array | Int32Array {
  const n = batchSize(where, pred);
  if (target instanceof Int32Array) {
    checkClassLabels(where, pred, target, pred.size / n);
    return target;
  }
  checkTargetTensor(where, pred, target);
  return target.data;
}
