import type { TfjsModelInput } from './tfjs-import.js';

// Reading the weights of tfjs ModelArtifacts: one buffer or several (shards), named specs.

/** A weight as its spec declares it: the shape, and the values in row-major order. */
export interface TfjsWeight {
  shape: number[];
  values: Float32Array;
}

/** Each weight by its name in the specs, float32 only. */
export function readWeights(
  artifacts: Pick<TfjsModelInput, 'weightSpecs' | 'weightData'>,
  where: string,
): Map<string, TfjsWeight> {
  const buffers = Array.isArray(artifacts.weightData)
    ? artifacts.weightData
    : [artifacts.weightData];
  const joined = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of buffers) {
    joined.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  const weights = new Map<string, TfjsWeight>();
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
    const values = new Float32Array(joined.buffer.slice(offset * 4, (offset + size) * 4));
    weights.set(spec.name, { shape: [...spec.shape], values });
    offset += size;
  }
  return weights;
}

/** The weight called `name` (or ending in `/name`), checked to hold a tensor of `shape`. */
export function findWeight(
  weights: Map<string, TfjsWeight>,
  name: string,
  shape: number[],
): Float32Array {
  // Keras names weights 'dense/kernel:0' or nests them under the model's name; match the tail.
  const key = [...weights.keys()].find(
    (k) => k === name || k.replace(/:0$/, '').endsWith(`/${name}`) || k.replace(/:0$/, '') === name,
  );
  const found = key === undefined ? undefined : weights.get(key);
  if (!found) throw new Error(`no weight '${name}' in the weight specs`);
  // A permuted shape holds as many values, in another order: as tfjs does, refuse it.
  if (found.shape.length !== shape.length || found.shape.some((d, i) => d !== shape[i])) {
    throw new Error(
      `weight '${name}' has shape [${found.shape.join(', ')}], expected [${shape.join(', ')}]`,
    );
  }
  return found.values;
}
