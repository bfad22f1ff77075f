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
 * How a layer type is rebuilt from its saved config: a class, or an object whose
 * `fromConfig` builds the layer (a class with a static `fromConfig` is both). A class is
 * called as `new Class(options)` with the config minus `type`, or, when that does not give
 * the layer back, `new Class(...values)` in the config's order (so `Dropout(rate)` works);
 * either way the rebuilt layer's `getConfig()` must equal the saved one.
 */
export type LayerFactory =
  | (abstract new (
      ...args: never[]
    ) => Layer)
  | { fromConfig(config: LayerConfig, context: LayerContext): Layer };

/** Layer types by their config `type`, for `NeuralNetwork.load(..., { layers })`. */
export type LayerRegistry = Record<string, LayerFactory>;

type Options = Record<string, unknown>;

/** The layers of @neunet/layers, which every load knows without being told. */
export const builtInLayers: LayerRegistry = {
  Dense: {
    fromConfig: (config, context) => {
      const { nIn, nOut, learningRate, optimizer, init, activation, alpha } = config as Options;
      return new Dense(nIn as number, nOut as number, {
        learningRate: learningRate as number | undefined,
        optimizer: context.optimizer ?? (optimizer as never),
        init: init as never,
        activation: activation as never,
        alpha: alpha as number | undefined,
      });
    },
  },
  ReLU: { fromConfig: () => new ReLU() },
  LeakyReLU: { fromConfig: (config) => new LeakyReLU(config.alpha as number) },
  Sigmoid: { fromConfig: () => new Sigmoid() },
  Tanh: { fromConfig: () => new Tanh() },
  Softmax: { fromConfig: () => new Softmax() },
  Linear: { fromConfig: () => new Linear() },
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
        'Register other layer classes with load(..., { layers: { Name: Class } })',
    );
  }
  const { type: _, ...options } = config;
  const attempts: (() => Layer)[] = [];
  if ('fromConfig' in factory && typeof factory.fromConfig === 'function') {
    attempts.push(() => factory.fromConfig(config, context));
  } else {
    const Class = factory as unknown as new (...args: unknown[]) => Layer;
    attempts.push(
      () => new Class(options),
      () => new Class(...Object.values(options)),
    );
  }
  let failure = '';
  for (const attempt of attempts) {
    let layer: Layer;
    try {
      layer = attempt();
    } catch (error) {
      failure = (error as Error).message;
      continue;
    }
    const rebuilt = layer.getConfig();
    if (sameJson(rebuilt, config)) return layer;
    failure = `it rebuilt as ${JSON.stringify(rebuilt)}`;
  }
  throw new Error(
    `cannot rebuild ${config.type} from ${JSON.stringify(config)}: ${failure}. ` +
      'Register { fromConfig: (config) => layer } for it',
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
