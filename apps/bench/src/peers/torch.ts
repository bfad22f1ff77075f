import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Breakdown } from '../breakdown.js';
import type { Row } from '../row.js';
import { summarize } from '../stats.js';

const SCRIPT = fileURLToPath(new URL('../bench_torch.py', import.meta.url));
/** Debian's python3-torch is installed for the system python, not for the first on PATH. */
export const TORCH_PYTHON = '/usr/bin/python3';

/** The Python scripts import each other: no __pycache__ is written into the source tree. */
export const PYTHON_ENV = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };

/** torch's version when /usr/bin/python3 can import it, else undefined. */
export function torchVersion(): string | undefined {
  const probe = spawnSync(TORCH_PYTHON, ['-c', 'import torch; print(torch.__version__)'], {
    encoding: 'utf8',
  });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

/** What bench_torch.py reads on stdin. */
export interface TorchPlan {
  impl: string;
  threads: number;
  seed: number;
  runs: number;
  targetSeconds: number;
  warmupSeconds: number;
  /** A file of `samples` float32 images [28, 28, 1] followed by their int32 labels. */
  data: string;
  samples: number;
  train: { case: string; batch: number; learningRate: number };
  infer: { case: string; batch: number };
  /** The phases to break down per kernel, after they are measured. */
  breakdown: ('train' | 'infer')[];
}

interface TorchRow extends Omit<Row, 'stats'> {
  runs: number[];
}

/** Runs the plan in a /usr/bin/python3 child: its rows, and seconds per kernel per phase. */
export function runTorch(plan: TorchPlan): { rows: Row[]; breakdown: Partial<Breakdown> } {
  const child = spawnSync(TORCH_PYTHON, [SCRIPT], {
    input: JSON.stringify(plan),
    encoding: 'utf8',
    env: PYTHON_ENV,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    throw new Error(
      `PyTorch bench (${SCRIPT}) exited with ${child.status}: ${child.stderr.trim()}`,
    );
  }
  const out = JSON.parse(child.stdout) as { rows: TorchRow[]; breakdown: Partial<Breakdown> };
  return {
    rows: out.rows.map(({ runs, ...row }) => ({ ...row, stats: summarize(runs) })),
    breakdown: out.breakdown,
  };
}
