import type { Param } from '@neunet/tensor';

export interface WeightPenaltyOptions {
  /** Factor of Σ|w|. Default 0. */
  l1?: number;
  /** Factor of Σw² (no ½, as in the seed). Default 0. */
  l2?: number;
}

/**
 * L1/L2 weight penalties on the params that ask for them (`penalize: true`, which Dense
 * sets on its weights but not its biases): l1·Σ|w| + l2·Σw².
 */
export class WeightPenalty {
  readonly l1: number;
  readonly l2: number;

  constructor(options: WeightPenaltyOptions = {}) {
    const { l1 = 0, l2 = 0 } = options;
    this.l1 = factor('l1', l1);
    this.l2 = factor('l2', l2);
  }

  /** The penalty to add to the data loss (0 when both factors are 0). */
  value(params: readonly Param[]): number {
    if (this.l1 === 0 && this.l2 === 0) return 0;
    let total = 0;
    for (let k = 0; k < params.length; k++) {
      const param = params[k]!;
      if (param.penalize !== true) continue;
      const w = param.value.data;
      let abs = 0;
      let squares = 0;
      for (let i = 0; i < w.length; i++) {
        const wi = w[i]!;
        abs += Math.abs(wi);
        squares += wi * wi;
      }
      total += this.l1 * abs + this.l2 * squares;
    }
    return total;
  }

  /**
   * Adds the penalty's gradient, l1·sign(w) + 2·l2·w, to the grads of the penalised params;
   * call it after the backward pass has filled them. sign(0) is taken as 0.
   */
  addGradients(params: readonly Param[]): void {
    if (this.l1 === 0 && this.l2 === 0) return;
    const l1 = this.l1;
    const twoL2 = 2 * this.l2;
    for (let k = 0; k < params.length; k++) {
      const param = params[k]!;
      if (param.penalize !== true) continue;
      const w = param.value.data;
      const g = param.grad.data;
      if (g.length !== w.length) {
        throw new Error(
          `WeightPenalty.addGradients: param '${param.name}' has ${w.length} values but its grad has ${g.length}`,
        );
      }
      for (let i = 0; i < w.length; i++) {
        const wi = w[i]!;
        g[i] = g[i]! + l1 * Math.sign(wi) + twoL2 * wi;
      }
    }
  }
}

function factor(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new Error(`WeightPenalty: ${name} must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}
