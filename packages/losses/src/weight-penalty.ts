import { checkOptions, optionKeys } from '@neunet/options';
import { getBackend, type Param } from '@neunet/tensor';

export interface WeightPenaltyOptions {
  /** Factor of Σ|w|. Default 0. */
  l1?: number;
  /** Factor of Σw² (no ½, as in the seed). Default 0. */
  l2?: number;
}

/** The options of every loss too (`LossOptions`). */
export const PENALTY_OPTIONS = optionKeys<WeightPenaltyOptions>()(['l1', 'l2']);

/**
 * L1/L2 weight penalties on the params that ask for them (`penalize: true`, which Dense
 * sets on its weights but not its biases): l1·Σ|w| + l2·Σw². Each param's own
 * `regularizer` (a layer's `kernelRegularizer`) is added too, so that the model applies
 * both through the loss's penalty.
 */
export class WeightPenalty {
  readonly l1: number;
  readonly l2: number;

  constructor(options: WeightPenaltyOptions = {}) {
    checkOptions('WeightPenalty', options, PENALTY_OPTIONS);
    const { l1 = 0, l2 = 0 } = options;
    this.l1 = factor('l1', l1);
    this.l2 = factor('l2', l2);
  }

  /** The penalty to add to the data loss: 0 when both factors are 0 and no param has a regularizer. */
  value(params: readonly Param[]): number {
    const shared = this.l1 !== 0 || this.l2 !== 0;
    const backend = getBackend();
    let total = 0;
    for (let k = 0; k < params.length; k++) {
      const param = params[k]!;
      if (param.regularizer) total += param.regularizer.penalty(param.value);
      if (shared && param.penalize === true) {
        total += backend.penalty(param.value, this.l1, this.l2);
      }
    }
    return total;
  }

  /**
   * Adds the penalty's gradient, l1·sign(w) + 2·l2·w and each param's own regularizer's,
   * to the grads of the penalised params;
   * call it after the backward pass has filled them. sign(0) is taken as 0.
   */
  addGradients(params: readonly Param[]): void {
    const shared = this.l1 !== 0 || this.l2 !== 0;
    const backend = getBackend();
    for (let k = 0; k < params.length; k++) {
      const param = params[k]!;
      const own = param.regularizer;
      if (!own && !(shared && param.penalize === true)) continue;
      const w = param.value;
      const g = param.grad;
      if (g.size !== w.size) {
        throw new Error(
          `WeightPenalty.addGradients: param '${param.name}' has ${w.size} values but its grad has ${g.size}`,
        );
      }
      own?.addGradient(w, g);
      if (shared && param.penalize === true) backend.penaltyBackward(w, this.l1, this.l2, g);
    }
  }
}

function factor(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new Error(`WeightPenalty: ${name} must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}
