import type { Layer, LayerClass } from '@neunet/layers';
import type { Shape } from '@neunet/tensor';
import { findWeight, type TfjsWeight } from './tfjs-weights.js';

/**
 * Before `layer` is added to a model, which allocates its tensors for `inputShape`: each
 * tensor its class declares (`LayerClass.paramShapes`) that `sources` names must be that
 * tfjs weight, found and compared by `findWeight`, so that the weight data, not the
 * configs, bounds what an import allocates. A tensor `sources` fills with a number (a bias
 * with use_bias false) is bounded by the others.
 */
export function checkDeclaredWeights(
  layer: Layer,
  inputShape: Shape | undefined,
  sources: Readonly<Record<string, string | number>>,
  weights: Map<string, TfjsWeight>,
): void {
  if (inputShape === undefined || Object.keys(sources).length === 0) return;
  const config = layer.getConfig();
  // The translator made the layer, so its own class declares its shapes (registered or not).
  const layerClass = layer.constructor as Partial<LayerClass>;
  if (!layerClass.paramShapes) throw new Error(`${config.type} declares no paramShapes`);
  const declared = layerClass.paramShapes(config, inputShape);
  const shapes: Record<string, Shape> = { ...declared.params, ...declared.buffers };
  for (const [tensor, source] of Object.entries(sources)) {
    const shape = shapes[tensor];
    if (typeof source === 'string' && shape) findWeight(weights, source, [...shape]);
  }
}
