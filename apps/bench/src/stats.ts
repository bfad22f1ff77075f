/** The figure reported for a set of runs: the median, with the spread (min–max). */
export interface Stats {
  median: number;
  min: number;
  max: number;
  /** The per-run values the figure summarizes, warm-up excluded. */
  runs: number[];
}

export function summarize(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error('summarize: expected at least one run, got none');
  for (const [i, v] of values.entries()) {
    if (!Number.isFinite(v))
      throw new Error(`summarize: run ${i} is ${v}, expected a finite number`);
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: [...values] };
}

/**
 * How many times faster `ours` is than `theirs`: above 1 means ours wins, whether the
 * figure is a rate (higher is better) or a time (lower is better).
 */
export function speedRatio(ours: number, theirs: number, higherIsBetter: boolean): number {
  if (!(ours > 0 && theirs > 0)) {
    throw new Error(`speedRatio: both figures must be > 0, got ${ours} and ${theirs}`);
  }
  return higherIsBetter ? ours / theirs : theirs / ours;
}
