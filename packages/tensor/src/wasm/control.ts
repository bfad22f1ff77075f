/**
 * The layout of the thread pool's control block, an Int32Array on shared memory: the
 * counters, one gemm job (its arguments, alpha stored as float bits, and how it is cut
 * into chunks), then one pack-buffer address per thread, the calling thread's first.
 *
 * Threads claim chunks with a compare-and-swap on TICKET = generation << 16 | next chunk,
 * so a worker that wakes late (the machine is busy) finds nothing left to claim instead
 * of holding the caller up: the caller takes every chunk no worker took.
 */
export const GENERATION = 0;
/** Chunks finished in the current job. */
export const DONE = 1;
export const STOP = 2;
/** Workers that have instantiated the kernels: readable without an event-loop turn. */
export const READY = 3;
export const TICKET = 4;
/** The job: a, b, c, m, n, k, transA, transB, bias, act, alpha, byPanels, chunks, units, panels. */
export const JOB = 8;
/** The kernel a job runs: 0 the gemm; i > 0 ROW_KERNELS[i − 1], whose argument block is at a. */
export const KERNEL = 23;
export const PACKS = 24;

/**
 * The kernels besides the gemm that the pool runs: kernel(args, lo, hi, scratch) computes
 * units [lo, hi) of a job described by the block of i32 words at `args`.
 */
export const ROW_KERNELS = ['conv2dRows', 'conv2dKernelRows'] as const;

type Gemm = (...args: number[]) => void;
export type RowKernel = (args: number, lo: number, hi: number, scratch: number) => void;

/**
 * The chunk loop, run by the workers and the calling thread alike: it claims chunks of
 * the current job until none is left, runs each through the gemm kernel (or the job's
 * row kernel, one of `rows`), and counts it done. `I`/`F` view the control block.
 *
 * The workers get it as source text (`runChunks.toString()`), so it must not refer to
 * anything outside itself but globals: a bundler or minifier may rename or drop the
 * module's constants, so the layout offsets are restated inside, and control.test.ts
 * checks them against the constants above. A real function (not a string) keeps
 * eval out of the calling thread, as a Content-Security-Policy without 'unsafe-eval'
 * requires.
 */
export function runChunks(
  I: Int32Array,
  F: Float32Array,
  gemm: Gemm,
  thread: number,
  generation: number,
  rows?: readonly RowKernel[],
): void {
  const done = 1;
  const ticketAt = 4;
  const j = 8;
  const kernelAt = 23;
  const packs = 24;
  const ticket = (generation & 0x7fff) << 16;
  const chunks = I[j + 12]!;
  const units = I[j + 13]!;
  const m = I[j + 3]!;
  const panels = I[j + 14]!;
  for (;;) {
    const v = Atomics.load(I, ticketAt);
    if ((v & ~0xffff) !== ticket || (v & 0xffff) >= chunks) return;
    if (Atomics.compareExchange(I, ticketAt, v, v + 1) !== v) continue;
    const chunk = v & 0xffff;
    const lo = Math.floor((chunk * units) / chunks);
    const hi = Math.floor(((chunk + 1) * units) / chunks);
    const kernel = I[kernelAt]!;
    if (kernel !== 0) {
      rows![kernel - 1]!(I[j]!, lo, hi, I[packs + thread]!);
      Atomics.add(I, done, 1);
      continue;
    }
    const byPanels = I[j + 11] !== 0;
    // biome-ignore format: the arguments in the kernel's order
    gemm(I[j]!, I[j + 1]!, I[j + 2]!, m, I[j + 4]!, I[j + 5]!, I[j + 6]!, I[j + 7]!, I[j + 8]!,
      I[j + 9]!, F[j + 10]!, byPanels ? 0 : Math.min(m, lo * 4), byPanels ? m : Math.min(m, hi * 4),
      byPanels ? lo : 0, byPanels ? hi : panels, I[packs + thread]!);
    Atomics.add(I, done, 1);
  }
}
