import { ModelFormatError } from './model-format-error.js';
import type { SavedModel } from './saved-model.js';

/** A saved model for the browser: the JSON topology and one buffer of float32 values. */
export interface ModelArtifacts {
  topology: SavedModel;
  weights: Uint8Array;
}

// PNG's trick: a high-bit first byte and a line break catch text-mode and 7-bit transfers.
const MAGIC = Uint8Array.from([0x89, 0x4e, 0x45, 0x55, 0x4e, 0x45, 0x54, 0x0a]); // \x89NEUNET\n
const HEADER = MAGIC.length + 4;

/** One file: the magic bytes, the JSON's length (u32, little-endian), the JSON, the weights. */
export function packArtifacts({ topology, weights }: ModelArtifacts): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(topology));
  const bytes = new Uint8Array(HEADER + json.length + weights.length);
  bytes.set(MAGIC, 0);
  new DataView(bytes.buffer).setUint32(MAGIC.length, json.length, true);
  bytes.set(json, HEADER);
  bytes.set(weights, HEADER + json.length);
  return bytes;
}

/** Splits a file into its parts; what they say is checked by `fromArtifacts`. */
export function unpackArtifacts(bytes: Uint8Array): ModelArtifacts {
  if (!(bytes instanceof Uint8Array)) {
    throw new ModelFormatError(`model file: expected a Uint8Array, got ${typeof bytes}`);
  }
  if (bytes.length < HEADER || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new ModelFormatError(
      `model file: not a NeuNet model (${bytes.length} bytes; it does not start with the NeuNet magic bytes)`,
    );
  }
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
  if (jsonLength > bytes.length - HEADER) {
    throw new ModelFormatError(
      `model file: truncated: the header announces ${jsonLength} bytes of JSON but only ${bytes.length - HEADER} follow`,
    );
  }
  let topology: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(HEADER, HEADER + jsonLength),
    );
    topology = JSON.parse(text);
  } catch (error) {
    throw new ModelFormatError(`model file: the JSON part is damaged: ${(error as Error).message}`);
  }
  return { topology: topology as SavedModel, weights: bytes.subarray(HEADER + jsonLength) };
}

interface NodeFs {
  readFileSync(path: string): Uint8Array;
  writeFileSync(path: string, data: Uint8Array | string): void;
  appendFileSync(path: string, data: string): void;
}

/**
 * Node's fs, reached at run time so that browser bundles of this package never see an
 * import of it. `process.getBuiltinModule` exists from Node 20.16.
 */
export function nodeFs(where: string): NodeFs {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  if (!fs) {
    throw new Error(
      `${where}: writing and reading files needs Node.js 20.16 or later; in a browser use toArtifacts()/fromArtifacts()`,
    );
  }
  return fs;
}
