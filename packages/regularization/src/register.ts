import {
  findLayer,
  findRegularizer,
  type LayerClass,
  type RegularizerClass,
  registerLayer,
  registerRegularizer,
} from '@neunet/layers';
import { BatchNormalization } from './batch-normalization.js';
import { Dropout } from './dropout.js';
import { L1, L1L2, L2 } from './regularizers.js';

const LAYERS: readonly LayerClass[] = [BatchNormalization, Dropout];
const REGULARIZERS: readonly RegularizerClass[] = [L1, L2, L1L2];

/**
 * Registers this package's layers and regularizers with `@neunet/layers`, so that a saved
 * model that uses them loads. `@neunet/model` calls it before it loads a model; call it
 * yourself only to rebuild layers from their configs without the model package. A type
 * already registered (by this package's other build, ESM or CommonJS) is left as it is.
 */
export function registerRegularization(): void {
  for (const layerClass of LAYERS) {
    if (!findLayer(layerClass.layerType)) registerLayer(layerClass);
  }
  for (const regularizerClass of REGULARIZERS) {
    if (!findRegularizer(regularizerClass.className)) registerRegularizer(regularizerClass);
  }
}
