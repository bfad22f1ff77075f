import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThreadPolicy } from './thread-policy.js';

/** Runs `calls` gemms of one shape, each taking the time `ms(pooled)` says; returns the choices. */
function run(policy: ThreadPolicy, calls: number, ms: (pooled: boolean) => number): boolean[] {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  const choices: boolean[] = [];
  for (let i = 0; i < calls; i++) {
    const pooled = policy.usePool(128, 256, 784, 0);
    now += ms(pooled);
    policy.done(pooled);
    choices.push(pooled);
  }
  return choices;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ThreadPolicy', () => {
  it('keeps the pool while it is faster, trying the calling thread alone now and then', () => {
    const policy = new ThreadPolicy();
    const choices = run(policy, 2200, (pooled) => (pooled ? 1 : 1.7));
    expect(policy.prefersPool).toBe(true);
    // A trial of 32 gemms after the first 96, then one after every 992.
    const solo = choices.flatMap((c, i) => (c ? [] : [i]));
    expect(solo).toHaveLength(3 * 32);
    expect(solo.slice(0, 32)).toEqual(Array.from({ length: 32 }, (_, i) => 96 + i));
    expect(solo[32]).toBe(96 + 32 + 992);
  });

  it('leaves the pool when two threads are slower than one, and comes back when they are not', () => {
    const policy = new ThreadPolicy();
    let busy = true;
    const time = (pooled: boolean) => (pooled ? (busy ? 2.5 : 1) : 1.7);
    const choices = run(policy, 1100, time);
    expect(policy.prefersPool).toBe(false);
    // From the first decision on, only the trial runs on the pool.
    expect(choices.slice(128).filter((c) => c)).toHaveLength(0);
    busy = false;
    run(policy, 2 * 1024, time);
    expect(policy.prefersPool).toBe(true);
  });

  it('counts shapes apart, and decides on the shapes timed both ways', () => {
    const policy = new ThreadPolicy();
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    for (let i = 0; i < 96 + 32 + 1; i++) {
      // A large shape that two threads halve, and a small one they slow down a little.
      const big = i % 2 === 0;
      const pooled = policy.usePool(big ? 512 : 128, 256, 256, big ? 1 : 0);
      now += big ? (pooled ? 4 : 8) : pooled ? 1.2 : 1;
      policy.done(pooled);
    }
    expect(policy.prefersPool).toBe(true);
  });
});
