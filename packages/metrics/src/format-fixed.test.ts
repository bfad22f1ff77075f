import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// [repr(x), digits, format(x, f'.{digits}f')] from Python 3.11; written by
// make-python-fixtures.py (seeded): exact ties and their float neighbours, ratios of small
// counts, random doubles of every magnitude, signed zeros, nan and inf.
import reference from './format-fixed.fixture.json';
import { formatFixed } from './format-fixed.js';

function fromPython(repr: string): number {
  if (repr === 'nan') return Number.NaN;
  if (repr.endsWith('inf')) return repr.startsWith('-') ? -Infinity : Infinity;
  return Number(repr);
}

describe('formatFixed', () => {
  it('rounds exact binary ties half to even, as Python does', () => {
    expect(formatFixed(0.125, 2)).toBe('0.12');
    expect(formatFixed(0.375, 2)).toBe('0.38');
    expect(formatFixed(0.5, 0)).toBe('0');
    expect(formatFixed(1.5, 0)).toBe('2');
    expect(formatFixed(2.5, 0)).toBe('2');
    expect(formatFixed(-2.5, 0)).toBe('-2');
  });

  it('rounds the exact binary value, not the shortest decimal', () => {
    // 2.675 is 2.67499999999999982236431605997495353221893310546875 as a double.
    expect(formatFixed(2.675, 2)).toBe('2.67');
    expect(formatFixed(0.1, 20)).toBe('0.10000000000000000555');
  });

  it(`matches Python's format(x, '.Nf') on ${reference.length} reference values`, () => {
    for (const [repr, digits, expected] of reference as [string, number, string][]) {
      expect(formatFixed(fromPython(repr), digits), `${repr} to ${digits}`).toBe(expected);
    }
  });

  it('agrees with toFixed except on exact ties', () => {
    // toFixed also rounds the exact value, but takes the larger neighbour on a tie.
    const isTie = (x: number, d: number) => Number.isInteger((x * 2 ** (d + 1) - 1) / 2);
    fc.assert(
      fc.property(
        fc.double({ min: -1e20, max: 1e20, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (x, d) => {
          fc.pre(!isTie(Math.abs(x), d));
          const expected = Object.is(x, -0) ? `-${x.toFixed(d)}` : x.toFixed(d);
          expect(formatFixed(x, d)).toBe(expected);
        },
      ),
    );
  });

  it('takes the even neighbour on every exact tie (2i + 1) / 2^(d + 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: 0, max: 12 }), (i, d) => {
        // tie · 10^d = 5^d · (2i + 1) / 2 lies halfway between the integers n and n + 1.
        const tie = (2 * i + 1) / 2 ** (d + 1);
        const n = (5n ** BigInt(d) * BigInt(2 * i + 1) - 1n) / 2n;
        const units = (n % 2n === 0n ? n : n + 1n).toString().padStart(d + 1, '0');
        const cut = units.length - d;
        const expected = d === 0 ? units : `${units.slice(0, cut)}.${units.slice(cut)}`;
        expect(formatFixed(tie, d)).toBe(expected);
      }),
    );
  });
});
