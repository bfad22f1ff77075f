import {
  Dense,
  type Layer,
  type LayerConfig,
  LeakyReLU,
  Linear,
  ReLU,
  Sigmoid,
  Softmax,
  Tanh,
} from '@neunet/layers';
import type { ParamUpdater } from '@neunet/tensor';

/** What a factory learns besides the config: the optimizer instance the layer was given. */
export interface LayerContext {
  optimizer?: ParamUpdater;
}

/**
 * How a layer type is rebuilt from its saved config: anything with a `fromConfig`, such as
 * a layer class with its static `fromConfig` (every layer NeuNet ships has one).
 */
export interface LayerFactory {
  fromConfig(config: LayerConfig, context: LayerContext): Layer;
}

/** Layer types by their config `type`, for `NeuralNetwork.load(..., { layers })`. */
export type LayerRegistry = Record<string, LayerFactory>;

type Options = Record<string, unknown>;

/** The layers of @neunet/layers, which every load knows without being told. */
export const builtInLayers: LayerRegistry = {
  Dense,
  ReLU,
  LeakyReLU,
  Sigmoid,
  Tanh,
  Softmax,
  Linear,
};

/**
 * Rebuilds one layer and checks that it describes itself as saved, so that a config field
 * the layer does not know is reported instead of dropped.
 */
export function rebuildLayer(
  config: LayerConfig,
  registry: LayerRegistry,
  context: LayerContext,
): Layer {
  const factory = Object.hasOwn(registry, config.type) ? registry[config.type] : undefined;
  if (!factory) {
    const known = Object.keys(registry).join(', ');
    throw new Error(
      `unknown layer type ${JSON.stringify(config.type)}; known: ${known}. ` +
        'Register other layer classes (with a static fromConfig) with load(..., { layers: { Name: Class } })',
    );
  }
  if (typeof factory.fromConfig !== 'function') {
    throw new Error(`the registry entry for ${config.type} has no fromConfig(config)`);
  }
  let failure: string;
  try {
    const layer = factory.fromConfig(config, context);
    const rebuilt = layer.getConfig();
    if (sameJson(rebuilt, config)) return layer;
    failure = `it rebuilt as ${JSON.stringify(rebuilt)}`;
  } catch (error) {
    failure = (error as Error).message;
  }
  throw new Error(
    `cannot rebuild ${config.type} from ${JSON.stringify(config)}: ${failure}. ` +
      'Register a class with a static fromConfig(config) for it',
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
