import {
  findLayer,
  type Layer,
  type LayerClass,
  type LayerConfig,
  registeredLayerTypes,
} from '@neunet/layers';
import { registerRegularization } from '@neunet/regularization';

type Options = Record<string, unknown>;

/**
 * The class registered for a saved layer's type. The layers and regularizers of
 * @neunet/regularization are registered first, so that a saved model of NeuNet's packages
 * loads with no import of its own.
 */
export function findSavedLayerClass(type: string): LayerClass | undefined {
  registerRegularization();
  return findLayer(type);
}

/**
 * Rebuilds one layer and checks that it describes itself as saved, so that a config field
 * the layer does not know is reported instead of dropped.
 */
export function rebuildLayer(config: LayerConfig): Layer {
  const factory = findSavedLayerClass(config.type);
  if (!factory) {
    throw new Error(
      `unknown layer type ${JSON.stringify(config.type)}; known: ${registeredLayerTypes().join(', ')}. ` +
        "Register your own layer class once before loading: registerLayer(MyLayer) from '@neunet/layers', " +
        'with static layerType and fromConfig(config)',
    );
  }
  let failure: string;
  try {
    const layer = factory.fromConfig(config);
    const rebuilt = layer.getConfig();
    if (sameJson(rebuilt, config)) return layer;
    failure = `it rebuilt as ${JSON.stringify(rebuilt)}`;
  } catch (error) {
    failure = (error as Error).message;
  }
  throw new Error(
    `cannot rebuild ${config.type} from ${JSON.stringify(config)}: ${failure}. ` +
      'The class registered for it must rebuild it from that config',
  );
}

/** Deep equality of JSON values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Options)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Options)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Options)[k], (b as Options)[k]))
  );
}
