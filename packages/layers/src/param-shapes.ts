import type { Shape } from '@neunet/tensor';
import type { Layer, LayerConfig } from './layer.js';

/**
 * What a layer of some config holds once built, computed from the config alone: a loader
 * compares it with a file's tensors before it allocates any.
 */
export interface ParamShapes {
  /** Each param's shape by name, in the order `params()` lists them; none before a build. */
  readonly params: Readonly<Record<string, Shape>>;
  /** Each buffer's shape by name, in the order `buffers()` lists them. Default none. */
  readonly buffers?: Readonly<Record<string, Shape>>;
  /** The per-sample output shape, whenever an input shape was given. */
  readonly outputShape?: Shape;
}

/**
 * `paramShapes` for a class whose layers hold no params nor buffers: the output shape of a
 * layer built from the config, which allocates nothing until it runs.
 */
export function shapesWithoutParams(
  layerClass: { fromConfig(config: LayerConfig): Layer },
  config: LayerConfig,
  inputShape: Shape | undefined,
): ParamShapes {
  const layer = layerClass.fromConfig(config);
  return { params: {}, ...(inputShape && { outputShape: layer.computeOutputShape(inputShape) }) };
}
