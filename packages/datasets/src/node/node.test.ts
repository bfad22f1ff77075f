import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Batch } from '../batches.js';
import type { IdxArray } from '../idx.js';
import { csvFileBatches, readCsv } from './csv-file.js';
import { readIdx, readIdxDataset, writeIdx } from './idx-file.js';

const dir = mkdtempSync(join(tmpdir(), 'neunet-datasets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('IDX files', () => {
  it('writes and reads back known arrays exactly, plain and gzip', () => {
    const images: IdxArray = {
      type: 'uint8',
      shape: [3, 2, 2],
      data: Uint8Array.from({ length: 12 }, (_, i) => i * 21),
    };
    const labels: IdxArray = { type: 'uint8', shape: [3], data: Uint8Array.from([4, 0, 9]) };
    for (const name of ['plain', 'zipped.gz']) {
      writeIdx(join(dir, `${name}-images`), images, { gzip: name.endsWith('.gz') });
      writeIdx(join(dir, `${name}-labels`), labels);
      expect(readIdx(join(dir, `${name}-images`))).toEqual(images);
      const { X, y } = readIdxDataset(join(dir, `${name}-images`), join(dir, `${name}-labels`));
      expect(X.shape).toEqual([3, 4]);
      expect(X.get(2, 3)).toBe(Math.fround(231 / 255));
      expect(Array.from(y)).toEqual([4, 0, 9]);
    }
    // gzip by file name, detected by content on reading.
    const floats: IdxArray = { type: 'float64', shape: [2], data: Float64Array.from([0.1, -2.5]) };
    writeIdx(join(dir, 'f.idx.gz'), floats);
    expect(readFileSync(join(dir, 'f.idx.gz'))[0]).toBe(0x1f);
    expect(readIdx(join(dir, 'f.idx.gz'))).toEqual(floats);
    writeFileSync(join(dir, 'bad'), Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 5, 1]));
    expect(() => readIdx(join(dir, 'bad'))).toThrow(
      /readIdx .*bad: parseIdx: shape \[5\] of uint8 needs 13 bytes; got 9/,
    );
  });
});

describe('CSV files', () => {
  it('reads a file whole and streams it in batches', async () => {
    const path = join(dir, 'data.csv');
    writeFileSync(path, 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n');
    const table = readCsv(path, { target: 'label' });
    expect(table.X.toArray()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const seen: Batch[] = [];
    for await (const b of csvFileBatches(path, {
      target: 'label',
      classNames: table.classNames,
      batchSize: 2,
    }))
      seen.push(b);
    expect(seen.map((b) => b.x.rows)).toEqual([2, 1]);
    expect(seen.flatMap((b) => Array.from(b.y as Int32Array))).toEqual(Array.from(table.y));
  });
});
