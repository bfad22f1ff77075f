import { getBackend, Rng, type Tensor } from '@neunet/tensor';
import type { ForwardOptions, Layer, LayerConfig } from './layer.js';
import { Scratch } from './scratch.js';

export interface DropoutOptions {
  /** Seed for the masks when the layer is used outside a model. */
  seed?: number;
}

/**
 * Inverted dropout: in training, each value is zeroed with probability `rate` and the
 * survivors are scaled by 1/(1 − rate), so inference is the identity and needs no
 * rescaling.
 */
export class Dropout implements Layer {
  static readonly layerType: string = 'Dropout';
  readonly hasTrainingMode = true;
  private rng: Rng;
  private readonly mask = new Scratch();
  private readonly out = new Scratch();
  private readonly dx = new Scratch();
  private lastTraining = false;

  constructor(
    readonly rate: number,
    options: DropoutOptions = {},
  ) {
    if (!(rate >= 0 && rate < 1)) throw new Error(`Dropout: rate must be in [0, 1), got ${rate}`);
    this.rng = new Rng(options.seed);
  }

  initialize(rng: Rng): void {
    this.rng = rng;
  }

  build(inputSize: number): number {
    return inputSize;
  }

  outputSize(inputSize: number): number {
    return inputSize;
  }

  params() {
    return [];
  }

  forward(x: Tensor, options?: ForwardOptions): Tensor {
    this.lastTraining = options?.training ?? false;
    if (!this.lastTraining) return x;
    const mask = this.mask.tensor(x.rows, x.cols);
    const y = this.out.tensor(x.rows, x.cols);
    return getBackend().dropout(x, this.rate, this.rng, mask, y);
  }

  backward(dy: Tensor): Tensor {
    if (!this.lastTraining) return dy;
    const mask = this.mask.tensor(dy.rows, dy.cols);
    return getBackend().mul(dy, mask, this.dx.tensor(dy.rows, dy.cols));
  }

  getConfig(): LayerConfig {
    return { type: Dropout.layerType, rate: this.rate };
  }

  /** The masks' random state is not config: a model that saved one restores it itself. */
  static fromConfig(config: LayerConfig): Dropout {
    return new Dropout(config['rate'] as number);
  }
}
