import { describe, expect, it } from 'vitest';
import { decodeIdx, encodeIdx, type IdxArray, idxToDataset, parseIdx } from './idx.js';

const arrays: IdxArray[] = [
  { type: 'uint8', shape: [2, 3], data: Uint8Array.from([0, 1, 127, 128, 254, 255]) },
  { type: 'int8', shape: [3], data: Int8Array.from([-128, 0, 127]) },
  { type: 'int16', shape: [2, 1, 2], data: Int16Array.from([-32768, -1, 1, 32767]) },
  { type: 'int32', shape: [2], data: Int32Array.from([-(2 ** 31), 2 ** 31 - 1]) },
  { type: 'float32', shape: [3], data: Float32Array.from([Math.PI, -0, 1e-30]) },
  { type: 'float64', shape: [2], data: Float64Array.from([Math.PI, -1e300]) },
];

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const s = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(s).arrayBuffer());
}

describe('IDX', () => {
  it('writes the MNIST header byte for byte', () => {
    const bytes = encodeIdx({ type: 'uint8', shape: [2, 28, 28], data: new Uint8Array(2 * 784) });
    expect(Array.from(bytes.subarray(0, 16))).toEqual([
      0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28,
    ]);
    const labels = encodeIdx({ type: 'int16', shape: [1], data: Int16Array.from([0x0102]) });
    expect(Array.from(labels)).toEqual([0, 0, 0x0b, 1, 0, 0, 0, 1, 1, 2]);
  });

  it('round-trips every element type exactly, plain and gzip', async () => {
    for (const a of arrays) {
      const bytes = encodeIdx(a);
      expect(parseIdx(bytes)).toEqual(a);
      expect(await decodeIdx(bytes)).toEqual(a);
      expect(await decodeIdx(await gzip(bytes))).toEqual(a);
    }
  });

  it('reads a view into a larger buffer', () => {
    const bytes = encodeIdx(arrays[3]!);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(parseIdx(padded.subarray(3))).toEqual(arrays[3]);
  });

  it('rejects corrupt input, naming what is wrong', async () => {
    const good = encodeIdx(arrays[0]!);
    expect(() => parseIdx(good.subarray(0, good.length - 1))).toThrow(
      'parseIdx: shape [2, 3] of uint8 needs 18 bytes; got 17',
    );
    expect(() => parseIdx(Uint8Array.from([1, 0, 8, 1]))).toThrow(/header starts 01 00 08 01/);
    expect(() => parseIdx(Uint8Array.from([0, 0, 7, 1]))).toThrow(/type byte is 0x7/);
    expect(() => parseIdx(Uint8Array.from([0, 0, 8, 2, 0, 0]))).toThrow(
      /2 dimensions need a 12-byte header/,
    );
    const zipped = await gzip(good);
    expect(() => parseIdx(zipped)).toThrow(/gzip-compressed; use decodeIdx/);
    expect(() => encodeIdx({ type: 'uint8', shape: [2], data: Uint8Array.from([1]) })).toThrow(
      /shape \[2\] holds 2 values but data has 1/,
    );
    expect(() => encodeIdx({ type: 'uint8', shape: [1], data: Float32Array.from([300]) })).toThrow(
      'encodeIdx: type is uint8 but data is a Float32Array; expected a Uint8Array',
    );
  });

  it('turns images and labels into X in [0, 1] and class indices', () => {
    const images: IdxArray = {
      type: 'uint8',
      shape: [2, 2, 2],
      data: Uint8Array.from([0, 255, 51, 102, 1, 2, 3, 4]),
    };
    const labels: IdxArray = { type: 'uint8', shape: [2], data: Uint8Array.from([7, 3]) };
    const { X, y } = idxToDataset(images, labels);
    expect(X.shape).toEqual([2, 4]);
    expect(X.toArray()[0]).toEqual([0, 1, Math.fround(0.2), Math.fround(0.4)]);
    expect(Array.from(y)).toEqual([7, 3]);
    expect(() =>
      idxToDataset(images, { ...labels, shape: [1], data: Uint8Array.from([1]) }),
    ).toThrow(/images have shape \[2, 2, 2\] and labels \[1\]; expected \[N, ...\] and \[N\]/);
  });
});
