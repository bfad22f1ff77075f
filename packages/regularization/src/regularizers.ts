import { checkOptions, optionKeys } from '@neunet/options';
import { getBackend, type Regularizer, type RegularizerConfig, type Tensor } from '@neunet/tensor';

/** The factors of an `l1l2` regularizer. */
export interface L1L2Options {
  /** Factor of Σ|w|. Default 0. */
  l1?: number;
  /** Factor of Σw² (no ½, as in Keras). Default 0. */
  l2?: number;
}

const OPTIONS = optionKeys<L1L2Options>()(['l1', 'l2']);

/**
 * A penalty on one param, l1·Σ|w| + l2·Σw², as Keras's `L1L2`: its value enters the loss
 * and l1·sign(w) + 2·l2·w the param's gradient (sign(0) taken as 0).
 */
export class L1L2 implements Regularizer {
  static readonly className: string = 'L1L2';
  readonly l1: number;
  readonly l2: number;

  constructor(options: L1L2Options = {}) {
    const where = (this.constructor as typeof L1L2).className;
    if (typeof options !== 'object' || options === null) {
      throw new Error(`${where}: expected options { l1?, l2? }, got ${String(options)}`);
    }
    checkOptions(where, options, OPTIONS);
    const { l1 = 0, l2 = 0 } = options;
    this.l1 = factor(where, 'l1', l1);
    this.l2 = factor(where, 'l2', l2);
  }

  penalty(values: Tensor): number {
    return getBackend().penalty(values, this.l1, this.l2);
  }

  addGradient(values: Tensor, grad: Tensor): void {
    if (grad.size !== values.size) {
      throw new Error(
        `${this.getConfig().className}.addGradient: ${values.size} values but a grad of ${grad.size}`,
      );
    }
    getBackend().penaltyBackward(values, this.l1, this.l2, grad);
  }

  getConfig(): RegularizerConfig {
    return { className: L1L2.className, config: { l1: this.l1, l2: this.l2 } };
  }

  static fromConfig(config: Readonly<Record<string, unknown>>): L1L2 {
    return new L1L2(config as L1L2Options);
  }
}

/** l1·Σ|w|, as Keras's `L1`. */
export class L1 extends L1L2 {
  static override readonly className: string = 'L1';

  constructor(l1: number) {
    super({ l1: factor(L1.className, 'l1', l1) });
  }

  override getConfig(): RegularizerConfig {
    return { className: L1.className, config: { l1: this.l1 } };
  }

  static override fromConfig(config: Readonly<Record<string, unknown>>): L1 {
    return new L1(config.l1 as number);
  }
}

/** l2·Σw², as Keras's `L2`. */
export class L2 extends L1L2 {
  static override readonly className: string = 'L2';

  constructor(l2: number) {
    super({ l2: factor(L2.className, 'l2', l2) });
  }

  override getConfig(): RegularizerConfig {
    return { className: L2.className, config: { l2: this.l2 } };
  }

  static override fromConfig(config: Readonly<Record<string, unknown>>): L2 {
    return new L2(config.l2 as number);
  }
}

/** A penalty l1·Σ|w| for a layer's `kernelRegularizer` or `biasRegularizer`. Keras's default rate, 0.01. */
export function l1(rate = 0.01): L1 {
  return new L1(rate);
}

/** A penalty l2·Σw² for a layer's `kernelRegularizer` or `biasRegularizer`. Keras's default rate, 0.01. */
export function l2(rate = 0.01): L2 {
  return new L2(rate);
}

/** A penalty l1·Σ|w| + l2·Σw² for a layer's `kernelRegularizer` or `biasRegularizer`. */
export function l1l2(options: L1L2Options = {}): L1L2 {
  return new L1L2(options);
}

function factor(where: string, name: string, value: unknown): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
    throw new Error(`${where}: ${name} must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}
