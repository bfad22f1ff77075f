import { Tensor } from '@neunet/tensor';

/** The element types of the IDX format, by their type byte 0x08 .. 0x0E. */
export type IdxType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** An n-dimensional array as stored in an IDX file (MNIST's format). */
export interface IdxArray {
  type: IdxType;
  /** The dimensions, outermost first; their product is `data.length`. */
  shape: number[];
  data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

const TYPES: readonly { code: number; type: IdxType; bytes: number }[] = [
  { code: 0x08, type: 'uint8', bytes: 1 },
  { code: 0x09, type: 'int8', bytes: 1 },
  { code: 0x0b, type: 'int16', bytes: 2 },
  { code: 0x0c, type: 'int32', bytes: 4 },
  { code: 0x0d, type: 'float32', bytes: 4 },
  { code: 0x0e, type: 'float64', bytes: 8 },
];

const ARRAYS = {
  uint8: Uint8Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
} as const;

/** True when the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Reads an uncompressed IDX file: two zero bytes, a type byte, the number of dimensions,
 * each dimension as a big-endian uint32, then the values, big-endian. Throws on a gzip
 * file (use `decodeIdx`, or `readIdx` from `@neunet/datasets/node`), a bad header, or a
 * length that does not match the dimensions.
 */
export function parseIdx(bytes: Uint8Array): IdxArray {
  if (isGzip(bytes)) {
    throw new Error('parseIdx: the bytes are gzip-compressed; use decodeIdx (or readIdx in Node)');
  }
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(
      `parseIdx: the header starts ${hex(bytes.subarray(0, 4))}; expected 00 00 <type> <dims>`,
    );
  }
  const kind = TYPES.find((t) => t.code === bytes[2]);
  if (!kind) {
    throw new Error(
      `parseIdx: type byte is 0x${bytes[2]!.toString(16)}; expected one of 08 09 0b 0c 0d 0e`,
    );
  }
  const dims = bytes[3]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = 4 + 4 * dims;
  if (bytes.length < start) {
    throw new Error(
      `parseIdx: ${dims} dimensions need a ${start}-byte header; got ${bytes.length} bytes`,
    );
  }
  const shape = Array.from({ length: dims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const count = shape.reduce((a, b) => a * b, 1);
  const expected = start + count * kind.bytes;
  if (bytes.length !== expected) {
    throw new Error(
      `parseIdx: shape [${shape.join(', ')}] of ${kind.type} needs ${expected} bytes; got ${bytes.length}`,
    );
  }
  return { type: kind.type, shape, data: readValues(view, start, count, kind.type) };
}

/**
 * Like `parseIdx`, but also takes gzip-compressed bytes (as MNIST is distributed),
 * inflating them with the platform's `DecompressionStream`.
 */
export async function decodeIdx(bytes: Uint8Array): Promise<IdxArray> {
  if (!isGzip(bytes)) return parseIdx(bytes);
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return parseIdx(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** Writes an IdxArray as uncompressed IDX bytes, the exact inverse of `parseIdx`. */
export function encodeIdx(array: IdxArray): Uint8Array {
  const kind = TYPES.find((t) => t.type === array.type);
  if (!kind)
    throw new Error(
      `encodeIdx: type is ${array.type}; expected one of ${TYPES.map((t) => t.type).join(', ')}`,
    );
  const { shape, data } = array;
  if (shape.length > 255)
    throw new Error(`encodeIdx: ${shape.length} dimensions; expected at most 255`);
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) {
    throw new Error(
      `encodeIdx: shape [${shape.join(', ')}] holds ${count} values but data has ${data.length}`,
    );
  }
  if (!(data instanceof ARRAYS[kind.type])) {
    throw new Error(
      `encodeIdx: type is ${array.type} but data is a ${data.constructor.name}; expected a ${ARRAYS[kind.type].name}`,
    );
  }
  const start = 4 + 4 * shape.length;
  const out = new Uint8Array(start + count * kind.bytes);
  const view = new DataView(out.buffer);
  out[2] = kind.code;
  out[3] = shape.length;
  shape.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 0 || d > 0xffffffff) {
      throw new Error(`encodeIdx: shape[${i}] is ${d}; expected an integer in [0, 2^32)`);
    }
    view.setUint32(4 + 4 * i, d, false);
  });
  writeValues(view, start, data, kind.type);
  return out;
}

/**
 * MNIST-style image and label arrays as a data set: X [N, pixels] scaled to [0, 1] (uint8
 * images are divided by 255; other types are taken as they are) and y the labels.
 */
export function idxToDataset(images: IdxArray, labels: IdxArray): { X: Tensor; y: Int32Array } {
  const n = images.shape[0] ?? 0;
  if (images.shape.length < 1 || labels.shape.length !== 1 || labels.shape[0] !== n) {
    throw new Error(
      `idxToDataset: images have shape [${images.shape.join(', ')}] and labels [${labels.shape.join(', ')}]; ` +
        'expected [N, ...] and [N]',
    );
  }
  const X = new Tensor(new Float32Array(images.data.length), [
    n,
    n === 0 ? 0 : images.data.length / n,
  ]);
  const scale = images.type === 'uint8' ? 1 / 255 : 1;
  for (let i = 0; i < X.size; i++) X.data[i] = images.data[i]! * scale;
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = labels.data[i]!;
    if (!Number.isInteger(v) || v < 0) {
      throw new Error(
        `idxToDataset: labels[${i}] is ${v}; expected a class index (an integer >= 0)`,
      );
    }
    y[i] = v;
  }
  return { X, y };
}

function readValues(view: DataView, start: number, n: number, type: IdxType): IdxArray['data'] {
  switch (type) {
    case 'uint8':
      return new Uint8Array(view.buffer, view.byteOffset + start, n).slice();
    case 'int8':
      return new Int8Array(view.buffer, view.byteOffset + start, n).slice();
    case 'int16':
      return Int16Array.from({ length: n }, (_, i) => view.getInt16(start + 2 * i, false));
    case 'int32':
      return Int32Array.from({ length: n }, (_, i) => view.getInt32(start + 4 * i, false));
    case 'float32':
      return Float32Array.from({ length: n }, (_, i) => view.getFloat32(start + 4 * i, false));
    case 'float64':
      return Float64Array.from({ length: n }, (_, i) => view.getFloat64(start + 8 * i, false));
  }
}

function writeValues(view: DataView, start: number, data: IdxArray['data'], type: IdxType): void {
  const n = data.length;
  for (let i = 0; i < n; i++) {
    const v = data[i]!;
    if (type === 'uint8') view.setUint8(start + i, v);
    else if (type === 'int8') view.setInt8(start + i, v);
    else if (type === 'int16') view.setInt16(start + 2 * i, v, false);
    else if (type === 'int32') view.setInt32(start + 4 * i, v, false);
    else if (type === 'float32') view.setFloat32(start + 4 * i, v, false);
    else view.setFloat64(start + 8 * i, v, false);
  }
}

function hex(b: Uint8Array): string {
  return Array.from(b, (v) => v.toString(16).padStart(2, '0')).join(' ');
}
