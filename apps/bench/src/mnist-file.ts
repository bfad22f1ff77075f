import { writeFileSync } from 'node:fs';

const bytes = (a: Float32Array | Int32Array) =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * Hands images and labels to a Python child: the float32 pixels (native byte order, as
 * numpy and torch read them) of every image, then the int32 labels.
 */
export function writeDigits(path: string, images: Float32Array, labels: Int32Array): void {
  writeFileSync(path, bytes(images));
  writeFileSync(path, bytes(labels), { flag: 'a' });
}

/** A model's weights, one array after another (float32), for a Python child to copy. */
export function writeWeights(path: string, weights: readonly Float32Array[]): void {
  writeFileSync(path, Buffer.concat(weights.map(bytes)));
}
