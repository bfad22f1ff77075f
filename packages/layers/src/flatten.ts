import type { Shape } from '@neunet/tensor';
import type { LayerConfig } from './layer.js';
import { type ParamShapes, shapesWithoutParams } from './param-shapes.js';
import { sizeOf } from './shape.js';
import { ViewLayer } from './view-layer.js';

/**
 * Flattens each sample into one axis: [batch, ...shape] → [batch, product of shape], as
 * before a Dense layer that should see every value of an image or a sequence at once.
 */
export class Flatten extends ViewLayer {
  static readonly layerType: string = 'Flatten';

  computeOutputShape(inputShape: Shape): Shape {
    return [sizeOf(inputShape)];
  }

  getConfig(): LayerConfig {
    return { type: Flatten.layerType };
  }

  /** No params: see LayerClass.paramShapes. */
  static paramShapes(config: LayerConfig, inputShape?: Shape): ParamShapes {
    return shapesWithoutParams(Flatten, config, inputShape);
  }

  static fromConfig(): Flatten {
    return new Flatten();
  }
}
