import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputFile, userFolder } from './paths.js';

const base = mkdtempSync(join(tmpdir(), 'neunet-demo-paths-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('outputFile', () => {
  it('resolves a relative file against the base folder, and a folder to the default name in it', () => {
    mkdirSync(join(base, 'out'));
    expect(outputFile('--out', 'run.html', 'report.html', base)).toBe(join(base, 'run.html'));
    expect(outputFile('--out', 'out', 'report.html', base)).toBe(join(base, 'out', 'report.html'));
    expect(outputFile('--out', 'out/', 'report.html', base)).toBe(join(base, 'out', 'report.html'));
  });

  it('names the missing folder, the file in the way or the folder in the way', () => {
    expect(() => outputFile('--out', 'no/r.html', 'report.html', base)).toThrow(
      `--out no/r.html: the folder ${join(base, 'no')} does not exist; create it first`,
    );
    expect(() => outputFile('--out', 'none/', 'report.html', base)).toThrow(
      `--out none/: there is no folder ${join(base, 'none')}`,
    );
    writeFileSync(join(base, 'file'), '');
    expect(() => outputFile('--save', 'file/m.neunet', 'model.neunet', base)).toThrow(
      `--save file/m.neunet: ${join(base, 'file')} is a file, not a folder`,
    );
    mkdirSync(join(base, 'taken', 'report.html'), { recursive: true });
    expect(() => outputFile('--out', 'taken', 'report.html', base)).toThrow(
      `${join(base, 'taken', 'report.html')} is a folder`,
    );
  });
});

describe('userFolder', () => {
  it('is the folder pnpm was run in, else the current one', () => {
    expect(userFolder({ INIT_CWD: base })).toBe(base);
    expect(userFolder({})).toBe(process.cwd());
  });
});
