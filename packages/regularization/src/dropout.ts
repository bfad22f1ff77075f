import {
  type ForwardOptions,
  formatShape,
  holdsSamplesOf,
  type Layer,
  type LayerConfig,
  type ParamShapes,
  Scratch,
  sampleShape,
  shapesWithoutParams,
} from '@neunet/layers';
import { checkOptions, optionKeys } from '@neunet/options';
import { getBackend, Rng, type Shape, type Tensor } from '@neunet/tensor';

export interface DropoutOptions {
  /** Seed for the masks when the layer is used outside a model. */
  seed?: number;
}

const OPTIONS = optionKeys<DropoutOptions>()(['seed']);

/**
 * Inverted dropout, on inputs of any rank: in training, each value is zeroed with
 * probability `rate` and the survivors are scaled by 1/(1 − rate), so inference is the
 * identity and needs no rescaling.
 */
export class Dropout implements Layer {
  static readonly layerType: string = 'Dropout';
  readonly hasTrainingMode = true;
  readonly preservesShape = true;
  private rng: Rng;
  private readonly mask = new Scratch();
  private readonly out = new Scratch();
  private readonly dx = new Scratch();
  private lastTraining = false;
  private shape: Shape | undefined;

  constructor(
    readonly rate: number,
    options: DropoutOptions = {},
  ) {
    checkOptions('Dropout', options, OPTIONS);
    if (!(rate >= 0 && rate < 1)) throw new Error(`Dropout: rate must be in [0, 1), got ${rate}`);
    this.rng = new Rng(options.seed);
  }

  initialize(rng: Rng): void {
    this.rng = rng;
  }

  get outputShape(): Shape | undefined {
    return this.shape;
  }

  computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }

  build(inputShape: Shape): void {
    this.shape = [...inputShape];
  }

  params() {
    return [];
  }

  forward(x: Tensor, options?: ForwardOptions): Tensor {
    this.lastTraining = options?.training ?? false;
    if (!this.lastTraining) return x;
    if (!this.shape || !holdsSamplesOf(x, this.shape)) this.build(sampleShape(x));
    const mask = this.mask.tensor(x.rows, this.shape!);
    const y = this.out.tensor(x.rows, this.shape!);
    return getBackend().dropout(x, this.rate, this.rng, mask, y);
  }

  backward(dy: Tensor): Tensor {
    if (!this.lastTraining) return dy;
    if (!holdsSamplesOf(dy, this.shape!)) {
      throw new Error(
        `Dropout.backward: gradient is ${formatShape(dy.shape)}, expected [batch, ${this.shape!.join(', ')}]`,
      );
    }
    const mask = this.mask.tensor(dy.rows, this.shape!);
    return getBackend().mul(dy, mask, this.dx.tensor(dy.rows, this.shape!));
  }

  getConfig(): LayerConfig {
    return { type: Dropout.layerType, rate: this.rate };
  }

  /** No params: see LayerClass.paramShapes. */
  static paramShapes(config: LayerConfig, inputShape?: Shape): ParamShapes {
    return shapesWithoutParams(Dropout, config, inputShape);
  }

  /** The masks' random state is not config: a model that saved one restores it itself. */
  static fromConfig(config: LayerConfig): Dropout {
    return new Dropout(config['rate'] as number);
  }
}
