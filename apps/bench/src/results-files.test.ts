import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from './cli.js';
import { machine } from './machine.js';
import type { BenchResult } from './report.js';
import { OUT_DIR, resultsDir, TABLES_DIR, writeResults } from './results-files.js';

const result: BenchResult = {
  machine: machine(new Date('2026-01-02T03:04:05Z')),
  command: 'pnpm bench --quick',
  runsPerFigure: 3,
  versions: {},
  rows: [],
  targets: [],
  notes: ['A test run.'],
};

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: path.dirname(OUT_DIR), encoding: 'utf8' });
}

describe('where a bench run writes', () => {
  it('writes to a folder git ignores, and leaves the tracked files unchanged, by default', () => {
    const dir = resultsDir(parseCli(['--quick', '--only', 'W1']));
    expect(dir).toBe(OUT_DIR);
    const tables = ['latest.json', 'latest.md'].map((f) => path.join(TABLES_DIR, f));
    const before = tables.map((f) => readFileSync(f, 'utf8'));
    const status = git('status', '--porcelain', '--untracked-files=all', '.');
    const written = writeResults(dir, result);
    for (const file of written) {
      expect(existsSync(file)).toBe(true);
      expect(git('check-ignore', file).trim()).toBe(file);
    }
    expect(tables.map((f) => readFileSync(f, 'utf8'))).toEqual(before);
    expect(git('status', '--porcelain', '--untracked-files=all', '.')).toBe(status);
  });

  it('writes the committed tables only with --write-tables', () => {
    expect(resultsDir(parseCli(['--write-tables']))).toBe(TABLES_DIR);
    expect(
      git('ls-files', TABLES_DIR)
        .trim()
        .split('\n')
        .map((f) => path.basename(f)),
    ).toEqual(['latest.json', 'latest.md']);
  });

  it('writes to --out DIR, and refuses --out with --write-tables', () => {
    expect(resultsDir(parseCli(['--out', '/tmp/bench']))).toBe('/tmp/bench');
    expect(() => parseCli(['--out', '/tmp/bench', '--write-tables'])).toThrow(
      /--out and --write-tables: pass one/,
    );
  });
});
