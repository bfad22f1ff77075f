import type { Layer } from '@neunet/layers';
import type { Loss, Target } from '@neunet/losses';
import type { Tensor } from '@neunet/tensor';

/** Where the backward pass starts: a gradient, and the number of layers it flows through. */
export type OutputGradient = (pred: Tensor, target: Target, out: Tensor) => Tensor;

/**
 * Softmax followed by categorical cross-entropy (and sigmoid followed by binary
 * cross-entropy) have the simple joint gradient (p − y)/N with respect to the logits.
 * Using it skips the last layer's backward: cheaper, and exact where the clipped loss
 * alone would lose the gradient. Chosen by what the layer and the loss declare, so that
 * a user's own softmax layer or loss fuses as the built-in ones do.
 */
export function outputGradient(
  layers: readonly Layer[],
  loss: Loss,
): { gradient: OutputGradient; through: number } {
  const last = layers[layers.length - 1];
  const fused = loss.backwardFused;
  if (
    fused &&
    loss.fusesWith !== undefined &&
    last?.activationOnly === true &&
    last.outputActivation === loss.fusesWith
  ) {
    return { gradient: (p, y, out) => fused.call(loss, p, y, out), through: layers.length - 1 };
  }
  return { gradient: (p, y, out) => loss.backward(p, y, out), through: layers.length };
}
