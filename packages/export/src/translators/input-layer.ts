import type { LayerTranslator } from './translator.js';

/** tfjs's InputLayer: nothing in NeuNet, whose model takes its input shape from it. */
export const inputLayerTranslator: LayerTranslator = {
  types: [],
  tfjsClassNames: ['InputLayer'],
  fromTfjs: () => [],
};
