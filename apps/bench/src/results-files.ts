import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliOptions } from './cli.js';
import { type BenchResult, renderMarkdown } from './report.js';

/** The committed tables, which change only with `--write-tables`. */
export const TABLES_DIR = fileURLToPath(new URL('../results/', import.meta.url));
/** Where a run writes by default: ignored by git, so that a run leaves the checkout clean. */
export const OUT_DIR = fileURLToPath(new URL('../out/', import.meta.url));

/** The folder a run's latest.json and latest.md go to. */
export function resultsDir(opts: Pick<CliOptions, 'out' | 'writeTables'>): string {
  return opts.out ?? (opts.writeTables ? TABLES_DIR : OUT_DIR);
}

/** Writes latest.json and latest.md into `dir`; returns their paths. */
export function writeResults(dir: string, result: BenchResult): string[] {
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'latest.json');
  const markdown = path.join(dir, 'latest.md');
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(markdown, renderMarkdown(result));
  return [json, markdown];
}
