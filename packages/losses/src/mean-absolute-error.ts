import { checkOptions } from '@neunet/options';
import { getBackend, type Tensor } from '@neunet/tensor';
import type { Loss, LossConfig, LossOptions } from './loss.js';
import { batchSize, elementTargets, gradientBuffer, type Target } from './target.js';
import { PENALTY_OPTIONS, WeightPenalty } from './weight-penalty.js';

/**
 * The mean over all N·K values of |p − y|. The target is a tensor with pred's shape, or
 * one integer per row when pred has one column.
 */
export class MeanAbsoluteError implements Loss {
  readonly penalty: WeightPenalty;
  readonly task = 'regression';

  constructor(options: LossOptions = {}) {
    checkOptions('MeanAbsoluteError', options, PENALTY_OPTIONS);
    this.penalty = new WeightPenalty(options);
  }

  forward(pred: Tensor, target: Target): number {
    const where = 'MeanAbsoluteError.forward';
    batchSize(where, pred);
    const Y = elementTargets(where, pred, target);
    return getBackend().loss('meanAbsolute', pred, Y);
  }

  /** sign(p − y) / (N·K), taking 0 where p equals y (a subgradient of the kink). */
  backward(pred: Tensor, target: Target, out?: Tensor): Tensor {
    const where = 'MeanAbsoluteError.backward';
    batchSize(where, pred);
    const Y = elementTargets(where, pred, target);
    const result = gradientBuffer(where, pred, out);
    return getBackend().lossBackward('meanAbsolute', pred, Y, result);
  }

  getConfig(): LossConfig {
    return { type: 'MeanAbsoluteError', l1: this.penalty.l1, l2: this.penalty.l2 };
  }
}
