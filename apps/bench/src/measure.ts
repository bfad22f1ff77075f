export interface MeasureOptions {
  /** Timed runs, each reported separately. */
  runs: number;
  /** The length a timed run aims at; the unit count per run is calibrated from the warm-up. */
  targetSeconds: number;
  /** Warm-up time (untimed), at least one call of one unit. */
  warmupSeconds: number;
  /** The largest unit count per run (e.g. the steps in one epoch). */
  maxUnits?: number;
  /**
   * At most this many runs when one unit takes longer than `targetSeconds` (a tfjs cpu
   * training step takes seconds): such a figure would otherwise cost `runs` units.
   */
  slowRuns?: number;
}

/** A run stops once it has taken this many times its target. */
const STALL_FACTOR = 4;
/** A run does its units in this many calls, so that it can stop early. */
const CHUNKS = 4;

/** Does `units` units of work: steps, epochs, products, predictions. */
export type Work = (units: number) => void | Promise<void>;

/**
 * Seconds per unit of `work` for each timed run. The warm-up runs single units until its
 * time is spent (JIT, caches, lazily built buffers), then every run does the same number of
 * units (unless it stalls), so runs compare with each other.
 */
export async function measure(work: Work, options: MeasureOptions): Promise<number[]> {
  const { targetSeconds, warmupSeconds, maxUnits = Number.POSITIVE_INFINITY, slowRuns } = options;
  let { runs } = options;
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`measure: runs must be an integer >= 1, got ${runs}`);
  }
  let perUnit = Number.POSITIVE_INFINITY;
  const warmupEnd = performance.now() + warmupSeconds * 1000;
  do {
    const t0 = performance.now();
    await work(1);
    perUnit = Math.min(perUnit, (performance.now() - t0) / 1000);
  } while (performance.now() < warmupEnd);
  if (slowRuns !== undefined && perUnit > targetSeconds) runs = Math.min(runs, slowRuns);
  const units = Math.max(
    1,
    Math.min(maxUnits, Math.round(targetSeconds / Math.max(perUnit, 1e-9))),
  );
  // A run that is far slower than the warm-up promised (another process took the core)
  // stops early and reports the units it did, so that one stall cannot stretch the bench.
  const deadline = STALL_FACTOR * targetSeconds * 1000;
  const seconds: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    let done = 0;
    while (done < units && (done === 0 || performance.now() - t0 < deadline)) {
      const chunk = Math.min(units - done, Math.max(1, Math.ceil(units / CHUNKS)));
      await work(chunk);
      done += chunk;
    }
    seconds.push((performance.now() - t0) / 1000 / done);
  }
  return seconds;
}
