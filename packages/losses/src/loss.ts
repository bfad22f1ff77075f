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

/** What a loss measures: a class per sample (accuracy applies) or values (MAE applies). */
export type LossTask = 'classification' | 'regression';

/**
 * A data loss over a batch, plus the weight penalty that goes with it. `forward` is the
 * mean over the batch; `backward` its gradient with respect to `pred`, which already
 * includes the 1/N of the mean. The penalty is kept apart because it depends on the
 * params, not on the batch: the model adds `penalty.value(params)` to the reported loss
 * and calls `penalty.addGradients(params)` after the backward pass.
 */
export interface Loss {
  readonly penalty: WeightPenalty;
  /**
   * What the loss measures. A model's default metric follows it: accuracy for
   * 'classification', mean absolute error otherwise (absent means 'regression'). A loss of
   * your own that wraps a cross-entropy declares 'classification' to get accuracy.
   */
  readonly task?: LossTask;
  /**
   * The output activation this loss has a joint gradient with (cross-entropy: 'softmax' or
   * 'sigmoid'). When the model's last layer is exactly that activation (`activationOnly`),
   * it calls `backwardFused` and skips the layer's backward. Declare both or neither.
   */
  readonly fusesWith?: 'softmax' | 'sigmoid';
  /**
   * The gradient with respect to the logits that `fusesWith` turned into `pred`, mean over
   * the batch included; writes into `out` as `backward` does.
   */
  backwardFused?(pred: Tensor, target: Target, out?: Tensor): Tensor;
  forward(pred: Tensor, target: Target): number;
  /** Writes into `out` (which may be `pred`) and returns it; allocates only without `out`. */
  backward(pred: Tensor, target: Target, out?: Tensor): Tensor;
  getConfig(): LossConfig;
}
