import { findLayer, type Layer } from '@neunet/layers';
import type { Shape } from '@neunet/tensor';
import { findWeight } from './tfjs-weights.js';

/**
 * Before `layer` is added to a model, which allocates its tensors for `inputShape`: each
 * tensor its class declares (`LayerClass.paramShapes`) must be the tfjs weight `names`
 * gives for it, found and compared by `findWeight`, so that the weight data, not the
 * configs, bounds what an import allocates. A tensor without a name is one the tfjs layer
 * leaves out (a bias with use_bias false), bounded by the others. `at` names the layer.
 */
export function checkDeclaredWeights(
  layer: Layer,
  inputShape: Shape,
  names: Readonly<Record<string, string | undefined>>,
  values: Map<string, Float32Array>,
  at: string,
): void {
  const where = 'importTfjs';
  const config = layer.getConfig();
  const layerClass = findLayer(config.type);
  if (!layerClass?.paramShapes) {
    throw new Error(`${where}: ${at}: ${config.type} declares no paramShapes`);
  }
  let declared: ReturnType<typeof layerClass.paramShapes>;
  try {
    declared = layerClass.paramShapes(config, inputShape);
  } catch (error) {
    throw new Error(`${where}: ${at}: ${(error as Error).message}`);
  }
  for (const [tensor, shape] of Object.entries({ ...declared.params, ...declared.buffers })) {
    const name = names[tensor];
    if (name !== undefined) findWeight(values, name, [...shape], where);
  }
}
