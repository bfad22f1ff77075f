import { getBackend, type Param, type Shape, type Tensor } from '@neunet/tensor';
import { checkImageBatch, imageShape } from './image-options.js';
import type { ForwardOptions, Layer, LayerConfig } from './layer.js';
import { type ParamShapes, shapesWithoutParams } from './param-shapes.js';
import { Scratch } from './scratch.js';
import { formatShape, holdsSamplesOf, sampleShape } from './shape.js';

/**
 * The mean of each channel over height and width: [batch, height, width, channels] →
 * [batch, channels], as before a classifier's last Dense layer instead of Flatten.
 */
export class GlobalAveragePooling2D implements Layer {
  static readonly layerType: string = 'GlobalAveragePooling2D';
  private built: Shape | undefined;
  private shape: Shape | undefined;
  private rows = 0;
  private readonly out = new Scratch();
  private readonly dx = new Scratch();

  get outputShape(): Shape | undefined {
    return this.shape;
  }

  computeOutputShape(inputShape: Shape): Shape {
    const [, , channels] = imageShape('GlobalAveragePooling2D', inputShape);
    return [channels];
  }

  build(inputShape: Shape): void {
    this.shape = this.computeOutputShape(inputShape);
    this.built = [...inputShape];
  }

  params(): Param[] {
    return [];
  }

  forward(x: Tensor, _options?: ForwardOptions): Tensor {
    if (!this.built || !holdsSamplesOf(x, this.built)) {
      checkImageBatch('GlobalAveragePooling2D', x);
      this.build(sampleShape(x));
    }
    this.rows = x.rows;
    return getBackend().globalAvgPool2d(x, this.out.tensor(x.rows, this.shape!));
  }

  backward(dy: Tensor): Tensor {
    if (!this.built) throw new Error('GlobalAveragePooling2D.backward called before forward');
    if (dy.rows !== this.rows || !holdsSamplesOf(dy, this.shape!)) {
      throw new Error(
        `GlobalAveragePooling2D.backward: gradient is ${formatShape(dy.shape)}, expected ${formatShape([this.rows, ...this.shape!])}`,
      );
    }
    return getBackend().globalAvgPool2dBackward(dy, this.dx.tensor(dy.rows, this.built));
  }

  getConfig(): LayerConfig {
    return { type: GlobalAveragePooling2D.layerType };
  }

  /** No params: see LayerClass.paramShapes. */
  static paramShapes(config: LayerConfig, inputShape?: Shape): ParamShapes {
    return shapesWithoutParams(GlobalAveragePooling2D, config, inputShape);
  }

  static fromConfig(): GlobalAveragePooling2D {
    return new GlobalAveragePooling2D();
  }
}
