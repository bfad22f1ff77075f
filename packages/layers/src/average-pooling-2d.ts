import { type Conv2DGeometry, getBackend, type Shape, type Tensor } from '@neunet/tensor';
import type { LayerConfig } from './layer.js';
import { type ParamShapes, shapesWithoutParams } from './param-shapes.js';
import { Pooling2D, type Pooling2DOptions } from './pooling-2d.js';

/**
 * The mean of each window, channel by channel: [batch, height, width, channels] →
 * [batch, outHeight, outWidth, channels]. With 'same' padding an edge window averages
 * the cells it holds inside the input, as TensorFlow does.
 */
export class AveragePooling2D extends Pooling2D {
  static readonly layerType: string = 'AveragePooling2D';

  constructor(options: Pooling2DOptions = {}) {
    super(AveragePooling2D.layerType, options);
  }

  protected pool(x: Tensor, geometry: Conv2DGeometry, out: Tensor): void {
    getBackend().avgPool2d(x, geometry, out);
  }

  protected unpool(_x: Tensor, dy: Tensor, geometry: Conv2DGeometry, dx: Tensor): void {
    getBackend().avgPool2dBackward(dy, geometry, dx);
  }

  /** No params: see LayerClass.paramShapes. */
  static paramShapes(config: LayerConfig, inputShape?: Shape): ParamShapes {
    return shapesWithoutParams(AveragePooling2D, config, inputShape);
  }

  static fromConfig(config: LayerConfig): AveragePooling2D {
    const { type: _type, ...options } = config;
    return new AveragePooling2D(options as Pooling2DOptions);
  }
}
