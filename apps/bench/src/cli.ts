import { parseArgs } from 'node:util';

export const WORKLOADS = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'heap'] as const;
export type Workload = (typeof WORKLOADS)[number];

export interface CliOptions {
  quick: boolean;
  only: Workload[];
  runs: number;
  seed: number;
  out: string | undefined;
  writeTables: boolean;
  breakdown: boolean;
  help: boolean;
}

export const USAGE = `Usage: pnpm bench [--quick] [--only W1,W2,W3,W4,W5,W6,heap] [--runs N] [--seed N] [--out DIR | --write-tables] [--breakdown]

  --quick      fewer and shorter runs and a smaller W5 grid (under two minutes)
  --only LIST  the workloads to run, comma-separated (default: all)
  --runs N     timed runs per figure (default 3 with --quick, 7 without)
  --seed N     seeds the data and the initial weights (default 1)
  --out DIR    where latest.json and latest.md go (default apps/bench/out, ignored by git)
  --write-tables  write them to apps/bench/results instead, the committed tables
  --breakdown  W6's per-kernel breakdown even when its targets are met (it is printed when one is missed)`;

/** The bench's command line; throws on an unknown option or a malformed value. */
export function parseCli(args: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      'write-tables': { type: 'boolean', default: false },
      breakdown: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.out !== undefined && values['write-tables']) {
    throw new Error(
      `--out and --write-tables: pass one; --write-tables writes to apps/bench/results, --out DIR to DIR`,
    );
  }
  const only = values.only === undefined ? [...WORKLOADS] : parseOnly(values.only);
  const runs =
    values.runs === undefined ? (values.quick ? 3 : 7) : integer('--runs', values.runs, 1);
  return {
    quick: values.quick,
    only,
    runs,
    seed: integer('--seed', values.seed, 0),
    out: values.out,
    writeTables: values['write-tables'],
    breakdown: values.breakdown,
    help: values.help,
  };
}

function parseOnly(list: string): Workload[] {
  const names = list.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!(WORKLOADS as readonly string[]).includes(name)) {
      throw new Error(
        `--only: unknown workload '${name}'; expected some of ${WORKLOADS.join(', ')}`,
      );
    }
  }
  return WORKLOADS.filter((w) => names.includes(w));
}

function integer(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`${flag}: expected an integer >= ${min}, got '${text}'`);
  }
  return n;
}
