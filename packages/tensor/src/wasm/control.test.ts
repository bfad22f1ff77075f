import { describe, expect, it } from 'vitest';
import { DONE, GENERATION, JOB, KERNEL, PACKS, runChunks, TICKET } from './control.js';

describe('runChunks', () => {
  it('reads the job where the thread pool writes it, and claims every chunk once', () => {
    const threads = 2;
    const I = new Int32Array(PACKS + threads + 1);
    const F = new Float32Array(I.buffer);
    // a, b, c, m, n, k, transA, transB, bias, act, alpha, byPanels, chunks, units, panels
    const job = [100, 200, 300, 10, 40, 7, 1, 0, 400, 3, 0, 1, 3, 5, 5];
    I.set(job, JOB);
    F[JOB + 10] = 0.25;
    I[PACKS + 1] = 512;
    const generation = 9;
    I[GENERATION] = generation;
    I[TICKET] = (generation & 0x7fff) << 16;
    const calls: number[][] = [];
    runChunks(I, F, (...args) => calls.push(args), 1, generation);
    // Panels 0..5 cut into 3 chunks: [0, 1), [1, 3), [3, 5), all rows, thread 1's pack.
    expect(calls).toEqual(
      [
        [0, 1],
        [1, 3],
        [3, 5],
      ].map(([p0, p1]) => [100, 200, 300, 10, 40, 7, 1, 0, 400, 3, 0.25, 0, 10, p0, p1, 512]),
    );
    expect(I[DONE]).toBe(3);
    // A stale generation claims nothing.
    runChunks(I, F, () => calls.push([]), 0, generation + 1);
    expect(calls).toHaveLength(3);
  });

  it('runs a row job through its row kernel, cut into chunks of units', () => {
    const I = new Int32Array(PACKS + 2);
    const F = new Float32Array(I.buffer);
    I[JOB] = 4096; // the argument block
    I[JOB + 12] = 3; // chunks
    I[JOB + 13] = 7; // units
    I[KERNEL] = 2;
    I[PACKS] = 640;
    I[TICKET] = 5 << 16;
    const calls: number[][] = [];
    const unused = () => calls.push([-1]);
    runChunks(I, F, () => calls.push([-2]), 0, 5, [unused, (...args) => calls.push(args)]);
    expect(calls).toEqual([
      [4096, 0, 2, 640],
      [4096, 2, 4, 640],
      [4096, 4, 7, 640],
    ]);
    expect(I[DONE]).toBe(3);
  });

  it('is self-contained, so its text runs in a worker', () => {
    // No eval here: only check the text names nothing from this module.
    const text = runChunks.toString();
    for (const name of ['JOB', 'KERNEL', 'TICKET', 'DONE', 'PACKS', 'GENERATION']) {
      expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
  });
});
