import { Rng, type Tensor } from '@neunet/tensor';
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
    const keep = 1 - this.rate;
    const scale = 1 / keep;
    const mask = this.mask.tensor(x.rows, x.cols).data;
    const y = this.out.tensor(x.rows, x.cols);
    const X = x.data;
    const Y = y.data;
    for (let i = 0; i < X.length; i++) {
      const m = this.rng.uniform() < keep ? scale : 0;
      mask[i] = m;
      Y[i] = X[i]! * m;
    }
    return y;
  }

  backward(dy: Tensor): Tensor {
    if (!this.lastTraining) return dy;
    const mask = this.mask.tensor(dy.rows, dy.cols).data;
    const dx = this.dx.tensor(dy.rows, dy.cols);
    const G = dy.data;
    const DX = dx.data;
    for (let i = 0; i < G.length; i++) DX[i] = G[i]! * mask[i]!;
    return dx;
  }

  getConfig(): LayerConfig {
    return { type: Dropout.layerType, rate: this.rate };
  }

  /** The masks' random state is not config: a model that saved one restores it itself. */
  static fromConfig(config: LayerConfig): Dropout {
    return new Dropout(config['rate'] as number);
  }
}
