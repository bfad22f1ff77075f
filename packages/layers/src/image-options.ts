import type { Shape, Tensor } from '@neunet/tensor';
import { formatShape } from './shape.js';

/** 'valid' reads no padding; 'same' pads to ⌈in / stride⌉ outputs, the odd cell after (TensorFlow's split). */
export type Padding = 'valid' | 'same';

/** `value` as [height, width], or an Error naming the layer and the option. */
export function size2d(where: string, name: string, value: unknown): [number, number] {
  const pair = typeof value === 'number' ? [value, value] : value;
  if (
    !Array.isArray(pair) ||
    pair.length !== 2 ||
    !pair.every((d) => Number.isInteger(d) && d >= 1)
  ) {
    throw new Error(
      `${where}: ${name} must be an integer >= 1 or [height, width] of them, got ${JSON.stringify(value)}`,
    );
  }
  return [pair[0], pair[1]];
}

export function checkPadding(where: string, padding: unknown): Padding {
  if (padding !== 'valid' && padding !== 'same') {
    throw new Error(`${where}: padding must be 'valid' or 'same', got ${JSON.stringify(padding)}`);
  }
  return padding;
}

/**
 * One sample's [height, width, channels], or an Error naming the layer, the shape it got
 * and the shape it expects.
 */
export function imageShape(where: string, shape: Shape): [number, number, number] {
  if (shape.length !== 3) {
    throw new Error(
      `${where}: expects images, samples of shape [height, width, channels] (batches [batch, height, width, channels], NHWC), got samples of shape ${formatShape(shape)}`,
    );
  }
  return [shape[0]!, shape[1]!, shape[2]!];
}

/** Throws unless x is a batch of images, [batch, height, width, channels]. */
export function checkImageBatch(where: string, x: Tensor): void {
  if (x.shape.length !== 4) {
    throw new Error(
      `${where}: expects a batch of images [batch, height, width, channels] (NHWC), got a tensor of shape ${formatShape(x.shape)}`,
    );
  }
}

/**
 * Throws unless a window spanning `span` cells (the kernel with its dilation) fits the
 * input with 'valid' padding. ('same' always fits: it pads to at least one output.)
 */
export function checkWindowFits(
  where: string,
  what: string,
  [spanH, spanW]: readonly [number, number],
  shape: Shape,
  padding: Padding,
): void {
  const [h, w] = shape as [number, number];
  if (padding === 'valid' && (spanH > h || spanW > w)) {
    throw new Error(
      `${where}: the ${spanH}×${spanW} ${what} is larger than the ${h}×${w} input (samples of shape ${formatShape(shape)}) with padding 'valid'; expected an input of at least ${spanH}×${spanW}, or padding 'same'`,
    );
  }
}
