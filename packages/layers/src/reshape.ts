import { checkOptions, optionKeys } from '@neunet/options';
import type { Shape } from '@neunet/tensor';
import type { LayerConfig } from './layer.js';
import { type ParamShapes, shapesWithoutParams } from './param-shapes.js';
import { formatShape, sizeOf } from './shape.js';
import { ViewLayer } from './view-layer.js';

export interface ReshapeOptions {
  /** Each sample's new shape, the batch axis left out; one dimension may be -1. */
  targetShape: Shape;
}

const OPTIONS = optionKeys<ReshapeOptions>()(['targetShape']);

/**
 * Gives each sample another shape with the same number of values: [batch, ...input] →
 * [batch, ...targetShape]. One dimension of `targetShape` may be -1: it takes whatever
 * size the others leave (Keras's Reshape). `new Reshape({ targetShape: [28, 28, 1] })`, as
 * in Keras and TensorFlow.js, or `new Reshape([28, 28, 1])`.
 */
export class Reshape extends ViewLayer {
  static readonly layerType: string = 'Reshape';
  readonly targetShape: Shape;

  constructor(target: Shape | ReshapeOptions) {
    super();
    if (!Array.isArray(target)) checkOptions('Reshape', target, OPTIONS);
    const targetShape = Array.isArray(target) ? target : (target as ReshapeOptions)?.targetShape;
    const free = Array.isArray(targetShape) ? targetShape.filter((d) => d === -1).length : 0;
    if (
      !Array.isArray(targetShape) ||
      targetShape.length === 0 ||
      free > 1 ||
      !targetShape.every((d) => d === -1 || (Number.isInteger(d) && d >= 1))
    ) {
      throw new Error(
        `Reshape: targetShape must be a non-empty array of integers >= 1 (the batch axis left out), with at most one -1; got ${JSON.stringify(targetShape)}`,
      );
    }
    this.targetShape = [...targetShape];
  }

  computeOutputShape(inputShape: Shape): Shape {
    const size = sizeOf(inputShape);
    const known = this.targetShape.reduce((a, d) => (d === -1 ? a : a * d), 1);
    const free = this.targetShape.includes(-1);
    if (free ? size % known !== 0 : size !== known) {
      throw new Error(
        `Reshape(${formatShape(this.targetShape)}): cannot reshape samples of shape ${formatShape(inputShape)} (${size} values) to ${formatShape(this.targetShape)}`,
      );
    }
    return this.targetShape.map((d) => (d === -1 ? size / known : d));
  }

  getConfig(): LayerConfig {
    return { type: Reshape.layerType, targetShape: [...this.targetShape] };
  }

  /** No params: see LayerClass.paramShapes. */
  static paramShapes(config: LayerConfig, inputShape?: Shape): ParamShapes {
    return shapesWithoutParams(Reshape, config, inputShape);
  }

  static fromConfig(config: LayerConfig): Reshape {
    return new Reshape(config['targetShape'] as Shape);
  }
}
