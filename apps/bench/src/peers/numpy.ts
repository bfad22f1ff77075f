import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Row } from '../row.js';
import { summarize } from '../stats.js';

const SCRIPT = fileURLToPath(new URL('../bench_numpy.py', import.meta.url));

/** numpy's version when `python3` can import it here, else undefined. */
export function numpyVersion(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], {
    encoding: 'utf8',
  });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

/** What bench_numpy.py reads on stdin: the timing settings and the cases to run. */
export interface NumpyPlan {
  impl: string;
  seed: number;
  runs: number;
  targetSeconds: number;
  warmupSeconds: number;
  W1?: { case: string };
  W2?: { case: string; samples: number; sizes: number[]; batch: number };
  W3?: { case: string; m: number; k: number; n: number; transA: boolean; transB: boolean }[];
  W5?: { samples: number; cells: { case: string; width: number; batch: number }[] };
}

interface NumpyRow extends Omit<Row, 'stats'> {
  runs: number[];
}

/**
 * Runs the plan in a python3 child and returns its rows. `threads` caps OpenBLAS's
 * threads; numpy's own default (one per core) when absent.
 */
export function runNumpy(plan: NumpyPlan, threads?: number): Row[] {
  const env = { ...process.env };
  if (threads !== undefined) env['OPENBLAS_NUM_THREADS'] = String(threads);
  const child = spawnSync('python3', [SCRIPT], {
    input: JSON.stringify(plan),
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    throw new Error(`numpy bench (${SCRIPT}) exited with ${child.status}: ${child.stderr.trim()}`);
  }
  const { rows } = JSON.parse(child.stdout) as { rows: NumpyRow[] };
  return rows.map(({ runs, ...row }) => ({ ...row, stats: summarize(runs) }));
}
