import { type Conv2DGeometry, getBackend, type Shape, type Tensor } from '@neunet/tensor';
import type { LayerConfig } from './layer.js';
import { type ParamShapes, shapesWithoutParams } from './param-shapes.js';
import { Pooling2D, type Pooling2DOptions } from './pooling-2d.js';

/**
 * The maximum of each window, channel by channel: [batch, height, width, channels] →
 * [batch, outHeight, outWidth, channels]. The gradient goes to the first cell (row-major)
 * holding a window's maximum, as in TensorFlow.
 */
export class MaxPooling2D extends Pooling2D {
  static readonly layerType: string = 'MaxPooling2D';

  constructor(options: Pooling2DOptions = {}) {
    super(MaxPooling2D.layerType, options);
  }

  protected pool(x: Tensor, geometry: Conv2DGeometry, out: Tensor): void {
    getBackend().maxPool2d(x, geometry, out);
  }

  protected unpool(x: Tensor, dy: Tensor, geometry: Conv2DGeometry, dx: Tensor): void {
    getBackend().maxPool2dBackward(x, dy, geometry, dx);
  }

  /** No params: see LayerClass.paramShapes. */
  static paramShapes(config: LayerConfig, inputShape?: Shape): ParamShapes {
    return shapesWithoutParams(MaxPooling2D, config, inputShape);
  }

  static fromConfig(config: LayerConfig): MaxPooling2D {
    const { type: _type, ...options } = config;
    return new MaxPooling2D(options as Pooling2DOptions);
  }
}
