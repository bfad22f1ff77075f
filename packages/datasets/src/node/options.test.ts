import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvFileBatches, readCsv } from './csv-file.js';
import { writeIdx } from './idx-file.js';

const dir = mkdtempSync(join(tmpdir(), 'neunet-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Node.js loaders: an unknown option names it and the nearest valid name', () => {
  it('readCsv and csvFileBatches reject one before opening the file', () => {
    const missing = join(dir, 'missing.csv');
    expect(() => readCsv(missing, { target: 'y', Delimiter: ';' } as never)).toThrow(
      "readCsv: unknown option 'Delimiter'; did you mean 'delimiter'?",
    );
    expect(() =>
      csvFileBatches(missing, { target: 'y', classNames: ['a'], batch: 2 } as never),
    ).toThrow("csvFileBatches: unknown option 'batch'; expected one of");
  });

  it('writeIdx rejects one and writes nothing', () => {
    const path = join(dir, 'x.idx');
    const array = { type: 'uint8', shape: [1], data: Uint8Array.of(1) } as never;
    expect(() => writeIdx(path, array, { gzips: true } as never)).toThrow(
      "writeIdx: unknown option 'gzips'; did you mean 'gzip'?",
    );
    expect(existsSync(path)).toBe(false);
  });
});
