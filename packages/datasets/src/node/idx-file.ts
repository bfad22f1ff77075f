import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { checkOptions, optionKeys } from '@neunet/options';
import { encodeIdx, type IdxArray, idxToDataset, isGzip, parseIdx } from '../idx.js';
import type { Dataset } from '../spiral.js';

/** Reads an IDX file, plain or gzip-compressed (detected by its first bytes, not its name). */
export function readIdx(path: string): IdxArray {
  const bytes = readFileSync(path);
  try {
    return parseIdx(isGzip(bytes) ? gunzipSync(bytes) : bytes);
  } catch (e) {
    throw new Error(`readIdx ${path}: ${(e as Error).message}`);
  }
}

const OPTIONS = optionKeys<NonNullable<Parameters<typeof writeIdx>[2]>>()(['gzip']);

/** Writes an IDX file, gzip-compressed when `gzip` is set (default: when the path ends in .gz). */
export function writeIdx(path: string, array: IdxArray, options: { gzip?: boolean } = {}): void {
  checkOptions('writeIdx', options, OPTIONS);
  const bytes = encodeIdx(array);
  writeFileSync(path, (options.gzip ?? path.endsWith('.gz')) ? gzipSync(bytes) : bytes);
}

/**
 * An MNIST-style pair of IDX files (images [N, ...] and labels [N]) as a data set: X
 * [N, pixels], uint8 pixels scaled to [0, 1], and y the labels.
 */
export function readIdxDataset(imagesPath: string, labelsPath: string): Dataset {
  return idxToDataset(readIdx(imagesPath), readIdx(labelsPath));
}
