import type { Tensor } from '@neunet/tensor';
import type { Target } from './target.js';
import type { WeightPenalty, WeightPenaltyOptions } from './weight-penalty.js';

/** Every loss takes the factors of its weight penalty. */
export type LossOptions = WeightPenaltyOptions;

/** A loss's settings as plain JSON: `type` is the class name. */
export interface LossConfig {
  type: string;
  l1: number;
  l2: number;
  [option: string]: unknown;
}

/**
 * A data loss over a batch, plus the weight penalty that goes with it. `forward` is the
 * mean over the batch; `backward` its gradient with respect to `pred`, which already
 * includes the 1/N of the mean. The penalty is kept apart because it depends on the
 * params, not on the batch: the model adds `penalty.value(params)` to the reported loss
 * and calls `penalty.addGradients(params)` after the backward pass.
 */
export interface Loss {
  readonly penalty: WeightPenalty;
  forward(pred: Tensor, target: Target): number;
  /** Writes into `out` (which may be `pred`) and returns it; allocates only without `out`. */
  backward(pred: Tensor, target: Target, out?: Tensor): Tensor;
  getConfig(): LossConfig;
}
