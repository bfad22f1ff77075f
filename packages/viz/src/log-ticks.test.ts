import { describe, expect, it } from 'vitest';
import { logAxisTicks, positiveRange } from './log-ticks.js';

describe('logAxisTicks', () => {
  it('puts ticks at decades when three or more fall in the range', () => {
    expect(logAxisTicks(1, 3000)).toEqual({
      tickvals: [1, 10, 100, 1000],
      ticktext: ['1', '10', '100', '1000'],
    });
  });

  it('falls back to 1-2-5 steps, then to 1 to 9, with round labels', () => {
    expect(logAxisTicks(0.0016, 0.7).tickvals).toEqual([
      0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5,
    ]);
    expect(logAxisTicks(0.5, 1.6)).toEqual({
      tickvals: [0.5, 0.6, 0.7, 0.8, 0.9, 1],
      ticktext: ['0.5', '0.6', '0.7', '0.8', '0.9', '1'],
    });
  });

  it('writes powers of ten beyond 0.001 to 10000, and gives the bounds of a narrow range', () => {
    expect(logAxisTicks(1e-6, 2e-4).ticktext).toEqual(['10⁻⁶', '10⁻⁵', '10⁻⁴']);
    expect(logAxisTicks(2e5, 3e7).ticktext).toEqual([
      '2×10⁵',
      '5×10⁵',
      '10⁶',
      '2×10⁶',
      '5×10⁶',
      '10⁷',
      '2×10⁷',
    ]);
    expect(logAxisTicks(0.52, 0.58).tickvals).toEqual([0.52, 0.58]);
  });

  it('names a range a log axis cannot show', () => {
    expect(() => logAxisTicks(0, 1)).toThrow(/range \[0, 1\]; expected 0 < min <= max/);
    expect(() => logAxisTicks(2, 1)).toThrow(/range \[2, 1\]/);
  });

  it('positiveRange skips zeros and non-finite values', () => {
    expect(positiveRange([0, 3, 0.5, Number.NaN, 7])).toEqual([0.5, 7]);
    expect(positiveRange([0, 0])).toBeUndefined();
  });
});
