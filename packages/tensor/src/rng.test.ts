import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';

describe('Rng', () => {
  it('matches the published xoshiro128** output for a known state', () => {
    // Reference: the C implementation at prng.di.unimi.it with s = {1, 2, 3, 4}.
    const rng = new Rng(0);
    rng.setState({ s: [1, 2, 3, 4], spare: null });
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it('reproduces a sequence from the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 20 }, () => a.uniform());
    expect(Array.from({ length: 20 }, () => b.uniform())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.uniform())).not.toEqual(sa);
  });

  it('draws uniforms in [0, 1) and normals with mean 0 and std 1', () => {
    const rng = new Rng(7);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = rng.normal();
      sum += z;
      sq += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(Math.sqrt(sq / n) - 1)).toBeLessThan(0.01);
  });

  it('makes permutations that hold every index once', () => {
    const p = new Rng(3).permutation(1000);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('restores its state exactly, including a pending normal', () => {
    const rng = new Rng(5);
    rng.normal();
    const state = rng.getState();
    const next = [rng.normal(), rng.uniform(), rng.normal()];
    rng.setState(state);
    expect([rng.normal(), rng.uniform(), rng.normal()]).toEqual(next);
  });

  it('copies another generator exactly, including a pending normal', () => {
    const rng = new Rng(5);
    rng.normal();
    const copy = new Rng(9);
    copy.copyFrom(rng);
    expect([copy.normal(), copy.uniform(), copy.normal()]).toEqual([
      rng.normal(),
      rng.uniform(),
      rng.normal(),
    ]);
  });

  it('hands its state out as four words and continues from words it is given', () => {
    const rng = new Rng(11);
    rng.uniform();
    const words = new Uint32Array(6);
    rng.getWords(words, 2);
    expect([...words.subarray(2)]).toEqual(rng.getState().s);
    const next = [rng.uniform(), rng.uniform()];
    const other = new Rng(1);
    other.setWords(words, 2);
    expect([other.uniform(), other.uniform()]).toEqual(next);
  });

  it('rejects a seed that is not a finite number', () => {
    expect(() => new Rng(Number.NaN)).toThrow(/finite number/);
  });
});
