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
export const PACKS = 24;

/**
 * The source of the chunk loop, shared verbatim by the workers and the calling thread: it
 * claims chunks of the current job until none is left, runs each through the gemm
 * kernel, and counts it done. `I`/`F` view the control block, `gemm` is the kernel.
 */
export const RUN_CHUNKS = `(I, F, gemm, thread, generation) => {
  const ticket = (generation & 0x7fff) << 16;
  const j = ${JOB};
  const chunks = I[j + 12];
  const units = I[j + 13];
  const m = I[j + 3];
  const panels = I[j + 14];
  for (;;) {
    const v = Atomics.load(I, ${TICKET});
    if ((v & ~0xffff) !== ticket || (v & 0xffff) >= chunks) return;
    if (Atomics.compareExchange(I, ${TICKET}, v, v + 1) !== v) continue;
    const chunk = v & 0xffff;
    const lo = Math.floor((chunk * units) / chunks);
    const hi = Math.floor(((chunk + 1) * units) / chunks);
    const byPanels = I[j + 11] !== 0;
    gemm(I[j], I[j + 1], I[j + 2], m, I[j + 4], I[j + 5], I[j + 6], I[j + 7], I[j + 8], I[j + 9],
      F[j + 10], byPanels ? 0 : Math.min(m, lo * 4), byPanels ? m : Math.min(m, hi * 4),
      byPanels ? lo : 0, byPanels ? hi : panels, I[${PACKS} + thread]);
    Atomics.add(I, ${DONE}, 1);
  }
}`;
