import { checkOptions } from '@neunet/options';
import { getBackend, type Tensor } from '@neunet/tensor';
import type { Loss, LossConfig, LossOptions } from './loss.js';
import { batchSize, elementTargets, gradientBuffer, type Target } from './target.js';
import { PENALTY_OPTIONS, WeightPenalty } from './weight-penalty.js';

/**
 * The mean over all N·K values of (p − y)². The target is a tensor with pred's shape, or
 * one integer per row when pred has one column.
 */
export class MeanSquaredError implements Loss {
  readonly penalty: WeightPenalty;
  readonly task = 'regression';

  constructor(options: LossOptions = {}) {
    checkOptions('MeanSquaredError', options, PENALTY_OPTIONS);
    this.penalty = new WeightPenalty(options);
  }

  forward(pred: Tensor, target: Target): number {
    const where = 'MeanSquaredError.forward';
    batchSize(where, pred);
    const Y = elementTargets(where, pred, target);
    return getBackend().loss('meanSquared', pred, Y);
  }

  /** 2(p − y) / (N·K). */
  backward(pred: Tensor, target: Target, out?: Tensor): Tensor {
    const where = 'MeanSquaredError.backward';
    batchSize(where, pred);
    const Y = elementTargets(where, pred, target);
    const result = gradientBuffer(where, pred, out);
    return getBackend().lossBackward('meanSquared', pred, Y, result);
  }

  getConfig(): LossConfig {
    return { type: 'MeanSquaredError', l1: this.penalty.l1, l2: this.penalty.l2 };
  }
}
