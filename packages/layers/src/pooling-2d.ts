import { checkOptions, optionKeys } from '@neunet/options';
import {
  type Conv2DGeometry,
  type Param,
  pool2dGeometry,
  type Shape,
  type Size2D,
  type Tensor,
} from '@neunet/tensor';
import {
  checkImageBatch,
  checkPadding,
  checkWindowFits,
  imageShape,
  type Padding,
  size2d,
} from './image-options.js';
import type { ForwardOptions, Layer, LayerConfig } from './layer.js';
import { Scratch } from './scratch.js';
import { checkBackward, holdsSamplesOf, sampleShape } from './shape.js';

export interface Pooling2DOptions {
  /** The window's height and width: one number for both, or [height, width]. Default 2. */
  poolSize?: Size2D;
  /** Default: the pool size (windows side by side). */
  strides?: Size2D;
  /**
   * Default 'valid'. With 'same' the windows at the edges hold fewer cells; padding takes
   * no part in the max or the mean (TensorFlow's rule).
   */
  padding?: Padding;
}

const OPTIONS = optionKeys<Pooling2DOptions>()(['poolSize', 'strides', 'padding']);

/**
 * A pooling over windows of images [batch, height, width, channels], each channel on its
 * own: MaxPooling2D and AveragePooling2D differ only in the backend ops they call.
 */
export abstract class Pooling2D implements Layer {
  readonly poolSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: Padding;
  protected geometry: Conv2DGeometry | undefined;
  protected input: Tensor | undefined;
  private built: Shape | undefined;
  private shape: Shape | undefined;
  private readonly out = new Scratch();
  private readonly dx = new Scratch();

  constructor(
    private readonly type: string,
    options: Pooling2DOptions = {},
  ) {
    checkOptions(type, options, OPTIONS);
    const { poolSize = 2, strides = poolSize, padding = 'valid' } = options;
    this.poolSize = size2d(type, 'poolSize', poolSize);
    this.strides = size2d(type, 'strides', strides);
    this.padding = checkPadding(type, padding);
  }

  /** out = the pooling of x, written into `out`. */
  protected abstract pool(x: Tensor, geometry: Conv2DGeometry, out: Tensor): void;
  /** dx from dy, for the x of the last forward. */
  protected abstract unpool(x: Tensor, dy: Tensor, geometry: Conv2DGeometry, dx: Tensor): void;

  get outputShape(): Shape | undefined {
    return this.shape;
  }

  computeOutputShape(inputShape: Shape): Shape {
    const where = this.describe();
    imageShape(where, inputShape);
    checkWindowFits(where, 'pooling window', this.poolSize, inputShape, this.padding);
    const g = this.geometryFor(inputShape);
    return [g.outHeight, g.outWidth, g.outChannels];
  }

  build(inputShape: Shape): void {
    this.shape = this.computeOutputShape(inputShape);
    this.geometry = this.geometryFor(inputShape);
    this.built = [...inputShape];
  }

  params(): Param[] {
    return [];
  }

  forward(x: Tensor, _options?: ForwardOptions): Tensor {
    if (!this.built || !holdsSamplesOf(x, this.built)) {
      checkImageBatch(this.describe(), x);
      this.build(sampleShape(x));
    }
    this.input = x;
    const y = this.out.tensor(x.rows, this.shape!);
    this.pool(x, this.geometry!, y);
    return y;
  }

  backward(dy: Tensor): Tensor {
    const x = checkBackward(this.type, this.input, dy, this.shape!);
    const dx = this.dx.tensor(x.rows, this.built!);
    this.unpool(x, dy, this.geometry!, dx);
    return dx;
  }

  getConfig(): LayerConfig {
    return {
      type: this.type,
      poolSize: [...this.poolSize],
      strides: [...this.strides],
      padding: this.padding,
    };
  }

  private geometryFor(inputShape: Shape): Conv2DGeometry {
    return pool2dGeometry({
      inputShape,
      poolSize: this.poolSize,
      strides: this.strides,
      padding: this.padding,
    });
  }

  private describe(): string {
    const [ph, pw] = this.poolSize;
    return `${this.type}({ poolSize: ${ph === pw ? ph : `[${ph}, ${pw}]`} })`;
  }
}
