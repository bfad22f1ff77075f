import { checkOptions } from '@neunet/options';
import { getBackend, type Tensor } from '@neunet/tensor';
import type { Loss, LossConfig, LossOptions } from './loss.js';
import { batchSize, elementTargets, gradientBuffer, type Target } from './target.js';
import { PENALTY_OPTIONS, WeightPenalty } from './weight-penalty.js';

/**
 * Cross-entropy for yes/no outputs. `pred` holds probabilities (a Sigmoid output), [N, 1]
 * for one label or [N, K] for K independent labels; the target is a tensor of 0/1 of the
 * same shape, or an Int32Array of 0/1 (one per row) when pred has one column. The loss is
 * the mean over all N·K values of −(y·log p + (1 − y)·log(1 − p)), p clipped.
 */
export class BinaryCrossentropy implements Loss {
  readonly penalty: WeightPenalty;
  readonly task = 'classification';
  readonly fusesWith = 'sigmoid';

  constructor(options: LossOptions = {}) {
    checkOptions('BinaryCrossentropy', options, PENALTY_OPTIONS);
    this.penalty = new WeightPenalty(options);
  }

  forward(pred: Tensor, target: Target): number {
    const Y = binaryTargets('BinaryCrossentropy.forward', pred, target);
    return getBackend().loss('binaryCrossEntropy', pred, Y);
  }

  /** −(y/p − (1 − y)/(1 − p)) / (N·K), and 0 where p was clipped. */
  backward(pred: Tensor, target: Target, out?: Tensor): Tensor {
    const where = 'BinaryCrossentropy.backward';
    const Y = binaryTargets(where, pred, target);
    const result = gradientBuffer(where, pred, out);
    return getBackend().lossBackward('binaryCrossEntropy', pred, Y, result);
  }

  backwardFused(prob: Tensor, target: Target, out?: Tensor): Tensor {
    return this.backwardFromSigmoid(prob, target, out);
  }

  /**
   * The gradient with respect to the logits when `prob` is the output of a Sigmoid:
   * (p − y)/(N·K), finite even where p saturates at 0 or 1.
   */
  backwardFromSigmoid(prob: Tensor, target: Target, out?: Tensor): Tensor {
    const where = 'BinaryCrossentropy.backwardFromSigmoid';
    const Y = binaryTargets(where, prob, target);
    const result = gradientBuffer(where, prob, out);
    return getBackend().sigmoidCrossEntropyBackward(prob, Y, result);
  }

  getConfig(): LossConfig {
    return { type: 'BinaryCrossentropy', l1: this.penalty.l1, l2: this.penalty.l2 };
  }
}

/**
 * Input validation, not training math (so it stays here rather than in the backend):
 * integer labels must be 0 or 1; tensor targets may also hold soft labels in between.
 * Anything else (2, −0.5, NaN) would train silently towards a loss below zero.
 */
function binaryTargets(where: string, pred: Tensor, target: Target): Float32Array | Int32Array {
  const rows = batchSize(where, pred);
  const Y = elementTargets(where, pred, target);
  if (Y instanceof Int32Array) {
    for (let r = 0; r < Y.length; r++) {
      const y = Y[r]!;
      if (y !== 0 && y !== 1) {
        throw new Error(`${where}: label ${y} at row ${r} is not 0 or 1`);
      }
    }
    return Y;
  }
  for (let i = 0; i < Y.length; i++) {
    const y = Y[i]!;
    if (!(y >= 0 && y <= 1)) {
      const cols = Y.length / rows;
      const row = Math.floor(i / cols);
      throw new Error(
        `${where}: target ${y} at row ${row}, column ${i - row * cols} is outside [0, 1]; ` +
          'expected 0/1 labels or probabilities in between',
      );
    }
  }
  return Y;
}
