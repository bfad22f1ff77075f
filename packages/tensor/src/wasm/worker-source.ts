import { GENERATION, PACKS, READY, ROW_KERNELS, runChunks, STOP } from './control.js';

/**
 * The source of a pool worker, run from a string (Node `eval: true`, or a Blob URL in a
 * browser) so that the ESM, CJS and bundled builds need no separate worker file. Built
 * from the function's own text, so no eval runs on the calling thread. It
 * instantiates the kernels on the shared memory, then loops: spin briefly on the
 * generation counter, sleep in Atomics.wait when nothing comes, claim chunks of the job.
 * A function rather than a constant, so that a bundle without the thread pool drops it.
 */
export const workerSource = (): string => `'use strict';
const node = typeof require === 'function';
const port = node ? require('node:worker_threads').parentPort : self;
const onMessage = (fn) => node ? port.once('message', fn) : (self.onmessage = (e) => { self.onmessage = null; fn(e.data); });
const runChunks = ${runChunks.toString()};
onMessage(({ module, memory, control, threads, thread, spin }) => {
  const k = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const rows = ${JSON.stringify(ROW_KERNELS)}.map((name) => k[name]);
  const I = new Int32Array(memory.buffer, control, ${PACKS} + threads);
  const F = new Float32Array(memory.buffer, control, I.length);
  let seen = Atomics.load(I, ${GENERATION});
  Atomics.add(I, ${READY}, 1);
  port.postMessage('ready');
  for (;;) {
    let g = Atomics.load(I, ${GENERATION});
    for (let s = 0; g === seen && s < spin; s++) g = Atomics.load(I, ${GENERATION});
    while (g === seen) {
      Atomics.wait(I, ${GENERATION}, seen);
      g = Atomics.load(I, ${GENERATION});
    }
    seen = g;
    if (Atomics.load(I, ${STOP}) !== 0) break;
    runChunks(I, F, k.gemm, thread, g, rows);
  }
  if (node) port.close(); else self.close();
});
`;
