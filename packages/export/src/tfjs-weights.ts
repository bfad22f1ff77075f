import type { TfjsModelInput } from './tfjs-import.js';

// Reading the weights of tfjs ModelArtifacts: one buffer or several (shards), named specs.

/** Each weight's values by its name in the specs, float32 only. */
export function readWeights(
  artifacts: Pick<TfjsModelInput, 'weightSpecs' | 'weightData'>,
  where: string,
): Map<string, Float32Array> {
  const buffers = Array.isArray(artifacts.weightData)
    ? artifacts.weightData
    : [artifacts.weightData];
  const joined = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of buffers) {
    joined.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  const values = new Map<string, Float32Array>();
  let offset = 0;
  for (const spec of artifacts.weightSpecs) {
    if ((spec.dtype ?? 'float32') !== 'float32') {
      throw new Error(
        `${where}: weight '${spec.name}' is ${spec.dtype}; only float32 weights are read`,
      );
    }
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if ((offset + size) * 4 > joined.length) {
      throw new Error(`${where}: the weight data ends before weight '${spec.name}'`);
    }
    values.set(spec.name, new Float32Array(joined.buffer.slice(offset * 4, (offset + size) * 4)));
    offset += size;
  }
  return values;
}

/** The weight called `name` (or ending in `/name`), checked to hold a tensor of `shape`. */
export function findWeight(
  values: Map<string, Float32Array>,
  name: string,
  shape: number[],
  where: string,
): Float32Array {
  // Keras names weights 'dense/kernel:0' or nests them under the model's name; match the tail.
  const key = [...values.keys()].find(
    (k) => k === name || k.replace(/:0$/, '').endsWith(`/${name}`) || k.replace(/:0$/, '') === name,
  );
  const found = key === undefined ? undefined : values.get(key);
  if (!found) throw new Error(`${where}: no weight '${name}' in the weight specs`);
  const size = shape.reduce((a, b) => a * b, 1);
  if (found.length !== size) {
    throw new Error(
      `${where}: weight '${name}' has ${found.length} values, expected [${shape.join(', ')}]`,
    );
  }
  return found;
}
