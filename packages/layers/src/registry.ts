import type { Shape } from '@neunet/tensor';
import { LeakyReLU, Linear, ReLU, Sigmoid, Softmax, Tanh } from './activations.js';
import { AveragePooling2D } from './average-pooling-2d.js';
import { Conv2D } from './conv2d.js';
import { Dense } from './dense.js';
import { Flatten } from './flatten.js';
import { GlobalAveragePooling2D } from './global-average-pooling-2d.js';
import type { Layer, LayerConfig } from './layer.js';
import { MaxPooling2D } from './max-pooling-2d.js';
import type { ParamShapes } from './param-shapes.js';
import { Reshape } from './reshape.js';

/**
 * A layer class as the registry knows it: the `type` its `getConfig()` writes, a static
 * `fromConfig` that builds the layer again from that config, and the shapes of what such a
 * layer holds.
 */
export interface LayerClass {
  readonly layerType: string;
  fromConfig(config: LayerConfig): Layer;
  /**
   * The params and buffers of `fromConfig(config)` once built for samples of `inputShape`
   * (without one: as `fromConfig` leaves it), and its output shape, computed without
   * allocating them; throws as `fromConfig` or `computeOutputShape` would. A loader compares
   * them with a file before it builds any layer, so that a small file cannot make it
   * allocate more than the file holds. Every built-in class declares it; a class without it
   * is built from the config before its params can be compared, trusting what its
   * constructor allocates.
   */
  paramShapes?(config: LayerConfig, inputShape?: Shape): ParamShapes;
}

/** Every layer this package ships: a saved model of them loads with no extra argument. */
const BUILT_IN: readonly LayerClass[] = [
  Dense,
  ReLU,
  LeakyReLU,
  Sigmoid,
  Tanh,
  Softmax,
  Linear,
  Flatten,
  Reshape,
  Conv2D,
  MaxPooling2D,
  AveragePooling2D,
  GlobalAveragePooling2D,
];

// On globalThis under a global symbol, so that the ESM and the CommonJS copy of this
// package, loaded side by side, share one registry.
const KEY = Symbol.for('neunet.layers.registry');
let seeded = false;

function registry(): Map<string, LayerClass> {
  const holder = globalThis as { [KEY]?: Map<string, LayerClass> };
  holder[KEY] ??= new Map();
  const classes = holder[KEY];
  if (!seeded) {
    // The other copy may have seeded its own built-ins already: the first one stays.
    for (const layerClass of BUILT_IN) {
      if (!classes.has(layerClass.layerType)) classes.set(layerClass.layerType, layerClass);
    }
    seeded = true;
  }
  return classes;
}

/**
 * Makes a layer class loadable: `NeuralNetwork.load` and `fromBytes` then rebuild every
 * saved layer whose config `type` is its `layerType`. Call it once, before loading.
 */
export function registerLayer(layerClass: LayerClass): void {
  const name = (layerClass as { name?: string } | undefined)?.name ?? String(layerClass);
  const type = layerClass?.layerType;
  if (typeof type !== 'string' || type === '') {
    throw new Error(
      `registerLayer: ${name} has no static layerType (the type its getConfig() writes)`,
    );
  }
  if (typeof layerClass.fromConfig !== 'function') {
    throw new Error(`registerLayer: ${name} has no static fromConfig(config)`);
  }
  const classes = registry();
  const held = classes.get(type);
  if (held && held !== layerClass) {
    throw new Error(
      `registerLayer: the layer type ${JSON.stringify(type)} is already registered to another class`,
    );
  }
  classes.set(type, layerClass);
}

/** The class registered for a config `type`, if any. */
export function findLayer(type: string): LayerClass | undefined {
  return registry().get(type);
}

/** Every registered layer type, for error messages. */
export function registeredLayerTypes(): string[] {
  return [...registry().keys()];
}
