import { Dropout } from '@neunet/regularization';
import type { LayerTranslator } from './translator.js';

/** Dropout: nothing in ONNX (the identity at inference); tfjs's Dropout. */
export const dropoutTranslator: LayerTranslator = {
  types: ['Dropout'],
  tfjsClassNames: ['Dropout'],
  toOnnx: () => [],
  toTfjs({ config, base }) {
    return [{ class_name: 'Dropout', config: { ...base, rate: config.rate } }];
  },
  fromTfjs({ config: c }) {
    if (c.noise_shape != null) {
      throw new Error(
        `noise_shape ${JSON.stringify(c.noise_shape)} is not supported; NeuNet's Dropout drops each value on its own`,
      );
    }
    return [{ layer: new Dropout((c.rate as number | undefined) ?? 0) }];
  },
};
