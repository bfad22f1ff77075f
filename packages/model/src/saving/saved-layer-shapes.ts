import { formatShape, type Layer, sameShape } from '@neunet/layers';
import type { Shape } from '@neunet/tensor';
import type { NeuralNetwork } from '../neural-network.js';
import { findSavedLayerClass, rebuildLayer } from './layer-registry.js';
import { ModelFormatError } from './model-format-error.js';
import type { SavedLayer, SavedTensor } from './saved-model.js';

/** What the check found out about one saved layer. */
export interface CheckedLayer {
  /** Its per-sample input shape, when the file gives the model's. */
  readonly input: Shape | undefined;
  /** The layer, when its class declares no `paramShapes` and was built to go on. */
  readonly layer: Layer | undefined;
}

/**
 * Compares each saved layer's params and buffers with the shapes its class declares for
 * its config (`LayerClass.paramShapes`), layer after layer from the saved input shape,
 * before any layer is built: a file then makes the loader allocate no more than it holds,
 * whatever its configs say. A class that declares none (a user's) is built from its config
 * here, to go on with its output shape; its params are compared once it is built.
 */
export function checkSavedLayerShapes(
  inputShape: Shape | null,
  layers: readonly SavedLayer[],
): CheckedLayer[] {
  let shape = inputShape ?? undefined;
  return layers.map((entry, l): CheckedLayer => {
    const what = `layers[${l}] (${entry.config.type})`;
    const input = shape;
    try {
      const layerClass = findSavedLayerClass(entry.config.type);
      if (!layerClass?.paramShapes) {
        const layer = rebuildLayer(entry.config);
        shape = input && layer.computeOutputShape(input);
        return { input, layer };
      }
      const declared = layerClass.paramShapes(entry.config, input);
      const at = input ? ` for samples of shape ${formatShape(input)}` : ' unbuilt';
      compare(`${what}: its config gives params`, declared.params, entry.params, at);
      compare(`${what}: its config gives buffers`, declared.buffers ?? {}, entry.buffers, at);
      if (input && !declared.outputShape) {
        throw new Error(`its class's paramShapes gives no outputShape${at}`);
      }
      shape = declared.outputShape && [...declared.outputShape];
      return { input, layer: undefined };
    } catch (error) {
      if (error instanceof ModelFormatError) throw error;
      throw new ModelFormatError(`${what}: ${(error as Error).message}`);
    }
  });
}

/**
 * Throws unless adding `layer` to `model` builds what `checkSavedLayerShapes` checked: the
 * input shape it assumed (a user's class may declare a wrong output shape), and no input
 * shape a file without one would let the layer give the layers before it.
 */
export function checkAddsAsChecked(
  model: NeuralNetwork,
  layer: Layer,
  { input }: CheckedLayer,
): void {
  const actual = model.outputShape;
  if (input === undefined ? actual !== undefined : !actual || !sameShape(actual, input)) {
    throw new Error(
      `the layers before it give samples of shape ${actual ? formatShape(actual) : 'unknown'}, but their classes declare ${input ? formatShape(input) : 'unknown'}`,
    );
  }
  const reaching = input === undefined ? model.shapeReaching(layer) : undefined;
  if (reaching) {
    throw new Error(
      `it asks for samples of shape ${formatShape(reaching)}, which would build the model (and every layer before it) for them, but the file says the model was never built (inputShape null)`,
    );
  }
}

function compare(
  what: string,
  declared: Readonly<Record<string, Shape>>,
  saved: readonly SavedTensor[],
  at: string,
): void {
  const want = Object.entries(declared);
  const same =
    want.length === saved.length &&
    want.every(([name, shape], i) => saved[i]!.name === name && sameShape(shape, saved[i]!.shape));
  if (!same) {
    const list = (tensors: [string, readonly number[]][]) =>
      tensors.length === 0
        ? 'none'
        : tensors.map(([name, shape]) => `${name} ${formatShape(shape)}`).join(', ');
    throw new ModelFormatError(
      `${what} ${list(want)}${at}, but the file holds ${list(saved.map((t) => [t.name, t.shape]))}`,
    );
  }
}
