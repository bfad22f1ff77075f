import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThreadPolicy } from './thread-policy.js';

/** Runs `calls` gemms of one shape, each taking the time `ms(pooled)` says; returns the choices. */
function run(policy: ThreadPolicy, calls: number, ms: (pooled: boolean) => number): boolean[] {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  const choices: boolean[] = [];
  for (let i = 0; i < calls; i++) {
    const pooled = policy.usePool(128, 256, 784, false, false);
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
    const choices = run(policy, 1024, (pooled) => (pooled ? 1 : 1.7));
    expect(policy.prefersPool).toBe(true);
    // Each period of 256 ends with a trial of 32 gemms on the calling thread.
    expect(choices.filter((c) => !c)).toHaveLength(4 * 32);
    expect(choices.slice(224, 256).every((c) => !c)).toBe(true);
  });

  it('leaves the pool when two threads are slower than one, and comes back when they are not', () => {
    const policy = new ThreadPolicy();
    let busy = true;
    const choices = run(policy, 768, (pooled) => (pooled ? (busy ? 2.5 : 1) : 1.7));
    expect(policy.prefersPool).toBe(false);
    // After the first period, most gemms run on the calling thread.
    expect(choices.slice(256, 768).filter((c) => c).length).toBe(2 * 32);
    busy = false;
    run(policy, 512, (pooled) => (pooled ? (busy ? 2.5 : 1) : 1.7));
    expect(policy.prefersPool).toBe(true);
  });
});
