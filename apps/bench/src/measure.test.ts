import { afterEach, describe, expect, it, vi } from 'vitest';
import { measure } from './measure.js';

/** A clock that only the work moves: each unit costs `cost()` milliseconds. */
function fakeClock(cost: (call: number) => number) {
  let now = 0;
  let call = 0;
  const calls: number[] = [];
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  const work = (units: number) => {
    calls.push(units);
    now += units * cost(call++);
  };
  return { work, calls };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('measure', () => {
  it('warms up one unit at a time, then times equal runs sized to the target', async () => {
    const { work, calls } = fakeClock(() => 10);
    const seconds = await measure(work, { runs: 2, targetSeconds: 0.1, warmupSeconds: 0.025 });
    // Warm-up: 3 single units (0 → 30 ms passes 25 ms); each run: 10 units in 4 chunks.
    expect(calls).toEqual([1, 1, 1, 3, 3, 3, 1, 3, 3, 3, 1]);
    expect(seconds).toEqual([0.01, 0.01]);
  });

  it('does at most slowRuns runs when one unit takes longer than a run should', async () => {
    const slow = fakeClock(() => 200);
    const timing = { runs: 7, targetSeconds: 0.1, warmupSeconds: 0, slowRuns: 3 };
    expect(await measure(slow.work, timing)).toEqual([0.2, 0.2, 0.2]);
    vi.restoreAllMocks();
    const fast = fakeClock(() => 10);
    expect(await measure(fast.work, timing)).toHaveLength(7);
  });

  it('caps the units per run at maxUnits', async () => {
    const { work, calls } = fakeClock(() => 1);
    await measure(work, { runs: 1, targetSeconds: 1, warmupSeconds: 0, maxUnits: 5 });
    expect(calls.slice(1).reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('stops a run that stalls and reports the time per unit it did', async () => {
    // 10 ms a unit in the warm-up, then 100 ms: the run stops after 6 of its 10 units,
    // past its deadline of 4 × 0.1 s.
    const { work, calls } = fakeClock((call) => (call === 0 ? 10 : 100));
    const seconds = await measure(work, { runs: 1, targetSeconds: 0.1, warmupSeconds: 0 });
    expect(calls).toEqual([1, 3, 3]);
    expect(seconds[0]).toBeCloseTo(0.1, 12);
  });

  it('rejects a run count that is not a positive integer', async () => {
    await expect(
      measure(() => {}, { runs: 0, targetSeconds: 1, warmupSeconds: 0 }),
    ).rejects.toThrow(/runs must be an integer >= 1, got 0/);
  });
});
