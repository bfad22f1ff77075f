import type { NeuralNetwork } from '@neunet/model';

/** Layers that compute differently while training, and how. */
const TRAINING_MODE: Record<string, string> = {
  Dropout: 'Dropout on',
  BatchNormalization: 'batch statistics',
};

/**
 * What the per-epoch training figures measured: the mean over the epoch's batches, with
 * weights moving, in training mode. Named so that a reader does not compare them with the
 * final model's figures (inference mode) as if alike.
 */
export function trainingBatches(model: NeuralNetwork): string {
  const types = new Set(model.layers.map((layer) => layer.getConfig().type));
  const modes = Object.keys(TRAINING_MODE)
    .filter((type) => types.has(type))
    .map((type) => TRAINING_MODE[type]);
  return modes.length > 0 ? `training batches, ${modes.join(', ')}` : 'training batches';
}
