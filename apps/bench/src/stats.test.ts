import { describe, expect, it } from 'vitest';
import { speedRatio, summarize } from './stats.js';

describe('summarize', () => {
  it('takes the middle value of an odd count and the spread', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: [5, 1, 3] });
  });

  it('averages the two middle values of an even count', () => {
    const s = summarize([10, 2, 4, 8]);
    expect(s.median).toBe(6);
    expect([s.min, s.max]).toEqual([2, 10]);
  });

  it('keeps the runs in the order they were measured', () => {
    expect(summarize([3, 1, 2]).runs).toEqual([3, 1, 2]);
  });

  it('rejects no runs and non-finite runs, naming the run', () => {
    expect(() => summarize([])).toThrow(/at least one run/);
    expect(() => summarize([1, Number.NaN])).toThrow(/run 1 is NaN/);
  });
});

describe('speedRatio', () => {
  it('is ours / theirs for rates and theirs / ours for times, so > 1 means ours wins', () => {
    expect(speedRatio(300, 100, true)).toBe(3);
    expect(speedRatio(50, 200, false)).toBe(4);
  });

  it('rejects figures that are not positive', () => {
    expect(() => speedRatio(0, 1, true)).toThrow(/must be > 0/);
  });
});
