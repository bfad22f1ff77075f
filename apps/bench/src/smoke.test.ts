import { afterAll, describe, expect, it } from 'vitest';
import type { BenchContext } from './context.js';
import { availableBackends } from './neunet.js';
import { runW1 } from './workloads/w1-seed.js';

describe('the bench, end to end on NeuNet alone', () => {
  const started: Awaited<ReturnType<typeof availableBackends>>['backends'] = [];
  afterAll(async () => {
    for (const b of started) await b.dispose?.();
  });

  // Starts every backend (wasm threads included) and trains on each: a budget, for a shared machine.
  it('runs W1 on every NeuNet backend and reports epochs/s per run', async () => {
    const { backends } = await availableBackends();
    started.push(...backends);
    expect(backends.map((b) => b.name)).toContain('js');
    const lines: string[] = [];
    const ctx: BenchContext = {
      quick: true,
      timing: { runs: 2, targetSeconds: 0.001, warmupSeconds: 0 },
      seed: 1,
      neunet: backends,
      tfjs: [],
      numpy: false,
      torch: false,
      breakdown: false,
      log: (line) => lines.push(line),
    };
    const rows = await runW1(ctx);
    expect(rows.map((r) => r.impl)).toEqual(backends.map((b) => `NeuNet ${b.name}`));
    for (const row of rows) {
      expect(row).toMatchObject({ workload: 'W1', unit: 'epochs/s', higherIsBetter: true });
      expect(row.stats.runs).toHaveLength(2);
      expect(row.stats.min).toBeGreaterThan(0);
    }
    expect(lines).toEqual(backends.map((b) => `W1 NeuNet ${b.name}`));
  }, 60_000);
});
