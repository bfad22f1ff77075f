import type { NeuralNetwork } from '@neunet/model';

/**
 * What the per-epoch training figures measured: the mean over the epoch's batches, with
 * weights moving, in training mode. Named so that a reader does not compare them with the
 * final model's figures (inference mode) as if alike; the layers that compute differently
 * while training (Dropout, BatchNormalization, a user's own) say so themselves.
 */
export function trainingBatches(model: NeuralNetwork): string {
  const types = [
    ...new Set(model.layers.filter((l) => l.hasTrainingMode).map((l) => l.getConfig().type)),
  ];
  if (types.length === 0) return 'training batches';
  const listed =
    types.length > 1 ? `${types.slice(0, -1).join(', ')} and ${types.at(-1)}` : types[0];
  return `training batches, ${listed} in training mode`;
}
