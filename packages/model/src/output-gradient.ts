import { type Layer, Sigmoid, Softmax } from '@neunet/layers';
import {
  BinaryCrossentropy,
  CategoricalCrossentropy,
  type Loss,
  type Target,
} from '@neunet/losses';
import type { Tensor } from '@neunet/tensor';

/** Where the backward pass starts: a gradient, and the number of layers it flows through. */
export type OutputGradient = (pred: Tensor, target: Target, out: Tensor) => Tensor;

/**
 * Softmax followed by categorical cross-entropy (and sigmoid followed by binary
 * cross-entropy) have the simple joint gradient (p − y)/N with respect to the logits.
 * Using it skips the last layer's backward: cheaper, and exact where the clipped loss
 * alone would lose the gradient.
 */
export function outputGradient(
  layers: readonly Layer[],
  loss: Loss,
): { gradient: OutputGradient; through: number } {
  const last = layers[layers.length - 1];
  if (last instanceof Softmax && loss instanceof CategoricalCrossentropy) {
    return {
      gradient: (p, y, out) => loss.backwardFromSoftmax(p, y, out),
      through: layers.length - 1,
    };
  }
  if (last instanceof Sigmoid && loss instanceof BinaryCrossentropy) {
    return {
      gradient: (p, y, out) => loss.backwardFromSigmoid(p, y, out),
      through: layers.length - 1,
    };
  }
  return { gradient: (p, y, out) => loss.backward(p, y, out), through: layers.length };
}

/** Whether accuracy means something for this loss: the classification losses. */
export function isClassification(loss: Loss): boolean {
  return loss instanceof CategoricalCrossentropy || loss instanceof BinaryCrossentropy;
}
