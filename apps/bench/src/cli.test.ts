import { describe, expect, it } from 'vitest';
import { parseCli, WORKLOADS } from './cli.js';

describe('parseCli', () => {
  it('runs every workload, 7 runs a figure, by default', () => {
    expect(parseCli([])).toEqual({
      quick: false,
      only: [...WORKLOADS],
      runs: 7,
      seed: 1,
      out: undefined,
      writeTables: false,
      breakdown: false,
      help: false,
    });
  });

  it('takes --quick (3 runs) and a workload list in the bench order', () => {
    const o = parseCli(['--quick', '--only', 'W3,W1']);
    expect(o.only).toEqual(['W1', 'W3']);
    expect(o.runs).toBe(3);
  });

  it('takes W6 and --breakdown', () => {
    const o = parseCli(['--only', 'W6', '--breakdown']);
    expect(o.only).toEqual(['W6']);
    expect(o.breakdown).toBe(true);
  });

  it('rejects an unknown workload, naming it and the choices', () => {
    expect(() => parseCli(['--only', 'W2,W9'])).toThrow(
      /--only: unknown workload 'W9'; expected some of W1, W2, W3, W4, W5, W6, heap/,
    );
  });

  it('rejects a malformed --runs and an unknown option', () => {
    expect(() => parseCli(['--runs', '0'])).toThrow(/--runs: expected an integer >= 1, got '0'/);
    expect(() => parseCli(['--fast'])).toThrow(/--fast/);
  });
});
