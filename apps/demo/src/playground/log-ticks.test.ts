import { describe, expect, it } from 'vitest';
import { logTicks } from './log-ticks.js';

describe('logTicks', () => {
  it('labels 1, 2 and 5 times the powers of ten in range, in full', () => {
    expect(logTicks([0.7, 0.013, 0.3])).toEqual({
      tickvals: [0.02, 0.05, 0.1, 0.2, 0.5],
      ticktext: ['0.02', '0.05', '0.1', '0.2', '0.5'],
    });
    expect(logTicks([1.5, 12])).toEqual({ tickvals: [2, 5, 10], ticktext: ['2', '5', '10'] });
  });

  it('takes every digit when a narrow range holds fewer than two', () => {
    expect(logTicks([0.31, 0.48]).tickvals).toEqual([0.4]);
    expect(logTicks([0.25, 0.48]).tickvals).toEqual([0.3, 0.4]);
  });

  it("leaves plotly's ticks before there is a positive loss", () => {
    expect(logTicks([])).toEqual({});
    expect(logTicks([0, Number.NaN])).toEqual({});
  });
});
