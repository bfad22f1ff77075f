import { type Stats, speedRatio } from './stats.js';

/** One measured figure: a workload case run by one implementation. */
export interface Row {
  /** 'W1' … 'W5'. */
  workload: string;
  /** What was run, e.g. 'train, batch 128'. Rows compare only within the same case. */
  case: string;
  /** Who ran it: 'NeuNet js', 'tfjs wasm', 'numpy', … */
  impl: string;
  unit: string;
  higherIsBetter: boolean;
  stats: Stats;
  /** For a grid workload (W5): the coordinates of this cell. */
  params?: Record<string, number>;
  /** How many times faster each NeuNet backend was than this row (same workload and case). */
  ratios?: Record<string, number>;
}

const NEUNET = 'NeuNet ';

export function isNeunet(impl: string): boolean {
  return impl.startsWith(NEUNET);
}

/** The NeuNet backend's short name in a ratio label: 'NeuNet wasm' → 'wasm'. */
export function neunetBackend(impl: string): string {
  return impl.slice(NEUNET.length);
}

/**
 * Fills `ratios` on every row from the NeuNet rows of the same workload, case and unit,
 * measured in the same run: ratios between runs on a shared machine would mean little.
 */
export function withRatios(rows: readonly Row[]): Row[] {
  return rows.map((row) => {
    const ratios: Record<string, number> = {};
    for (const ours of rows) {
      if (ours === row || !isNeunet(ours.impl)) continue;
      if (ours.workload !== row.workload || ours.case !== row.case || ours.unit !== row.unit) {
        continue;
      }
      ratios[ours.impl] = speedRatio(ours.stats.median, row.stats.median, row.higherIsBetter);
    }
    return Object.keys(ratios).length > 0 ? { ...row, ratios } : { ...row };
  });
}

/** A figure an implementation could not produce (say, a backend without a kernel): why. */
export interface Unmeasured {
  workload: string;
  case: string;
  impl: string;
  unit: string;
  reason: string;
}
