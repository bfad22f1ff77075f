import type { Shape, Tensor } from '@neunet/tensor';

/** `[2, 3]`, as error messages and summaries print a shape. */
export function formatShape(shape: readonly (number | null)[]): string {
  return `[${shape.map(String).join(', ')}]`;
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Whether x is a batch of samples of `shape`: x.shape is [batch, ...shape]. Allocates nothing. */
export function holdsSamplesOf(x: Tensor, shape: Shape): boolean {
  if (x.shape.length !== shape.length + 1) return false;
  for (let i = 0; i < shape.length; i++) if (x.shape[i + 1] !== shape[i]) return false;
  return true;
}

/**
 * The input a layer's backward pass needs, once dy is checked to match its output: a batch
 * of the same rows as the input, each of the layer's output shape.
 */
export function checkBackward(
  type: string,
  input: Tensor | undefined,
  dy: Tensor,
  outputShape: Shape,
): Tensor {
  if (!input) throw new Error(`${type}.backward called before forward`);
  if (dy.rows !== input.rows || !holdsSamplesOf(dy, outputShape)) {
    throw new Error(
      `${type}.backward: gradient is ${formatShape(dy.shape)}, expected ${formatShape([input.rows, ...outputShape])}`,
    );
  }
  return input;
}

/** The per-sample shape of a batch: every axis but the first. */
export function sampleShape(x: Tensor): Shape {
  return x.shape.slice(1);
}

export function sizeOf(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Throws unless `shape` is a per-sample shape: at least one axis, each an integer >= 1. */
export function checkSampleShape(where: string, shape: unknown): Shape {
  if (
    !Array.isArray(shape) ||
    shape.length === 0 ||
    !shape.every((d) => Number.isInteger(d) && d >= 1)
  ) {
    throw new Error(
      `${where}: a per-sample shape must be a non-empty array of integers >= 1 (the batch axis left out), got ${JSON.stringify(shape)}`,
    );
  }
  return [...shape];
}
