/** Timings of one job shape (its sizes and kind) under each policy. */
interface ShapeTimes {
  m: number;
  n: number;
  k: number;
  kind: number;
  /** Smoothed milliseconds with the workers, and on the calling thread alone; 0 unmeasured. */
  pooled: number;
  solo: number;
}

/** Large gemms run on the current choice before a trial of the other: the first time, and then. */
const FIRST = 96;
const MAIN = 992;
/** Large gemms of a trial, the first SETTLE of each phase untimed (the workers wake, or wind down). */
const TRIAL = 32;
const SETTLE = 8;
const SHAPES = 32;
const SMOOTHING = 0.25;

/**
 * Whether the large jobs (gemms, convolutions) go to the thread pool or stay on the calling
 * thread, decided by timing both. Two threads that wait for each other lose to one when another process
 * holds a core (the OS then shares one core between this thread and a worker): measured on
 * a 2-core machine, W2 trained at 0.7× the one-thread speed on two threads with a busy
 * process beside it, and at 1.6× without. So the pool is used while it is faster: after
 * FIRST large gemms, and then every MAIN, the other choice runs for a trial of TRIAL
 * gemms; each shape's time under both is smoothed, and the faster over the shapes timed
 * under both is kept. A trial costs under 2 % when its choice loses. Results do not depend
 * on the choice: every output element is computed the same way on any thread. (W6, LeNet
 * training, showed the same collapse: 3.8k samples/s on two threads against 7.6k on one.)
 */
export class ThreadPolicy {
  private readonly shapes: ShapeTimes[] = [];
  private pooled = true;
  private trial = false;
  /** Gemms run in the current phase, and its length. */
  private ran = 0;
  private length = FIRST;
  private current: ShapeTimes | undefined;
  private started = 0;

  /**
   * Whether this large job should use the pool; call `done` after it. A job is told apart by
   * three sizes and a kind: a gemm's m, n, k and transpositions (kinds 0–3), a row kernel's
   * units and work (kinds from 4, one per kernel: the convolutions).
   */
  usePool(m: number, n: number, k: number, kind: number): boolean {
    if (this.ran === this.length) {
      if (this.trial) this.decide();
      this.trial = !this.trial;
      this.ran = 0;
      this.length = this.trial ? TRIAL : MAIN;
    }
    const settling = this.ran++ < SETTLE;
    this.current = settling ? undefined : this.shape(m, n, k, kind);
    this.started = performance.now();
    return this.trial ? !this.pooled : this.pooled;
  }

  /** Records the time of the job `usePool` was asked about. */
  done(pooled: boolean): void {
    const s = this.current;
    if (!s) return;
    const ms = performance.now() - this.started;
    if (pooled) s.pooled = s.pooled === 0 ? ms : s.pooled + SMOOTHING * (ms - s.pooled);
    else s.solo = s.solo === 0 ? ms : s.solo + SMOOTHING * (ms - s.solo);
  }

  /** Whether the pool is the current choice (for tests and the bench's notes). */
  get prefersPool(): boolean {
    return this.pooled;
  }

  private decide(): void {
    let pooled = 0;
    let solo = 0;
    for (const s of this.shapes) {
      if (s.pooled > 0 && s.solo > 0) {
        pooled += s.pooled;
        solo += s.solo;
      }
    }
    if (pooled > 0) this.pooled = pooled <= solo;
  }

  private shape(m: number, n: number, k: number, kind: number): ShapeTimes {
    for (const s of this.shapes) {
      if (s.m === m && s.n === n && s.k === k && s.kind === kind) return s;
    }
    const s = { m, n, k, kind, pooled: 0, solo: 0 };
    if (this.shapes.length >= SHAPES) this.shapes.shift();
    this.shapes.push(s);
    return s;
  }
}
