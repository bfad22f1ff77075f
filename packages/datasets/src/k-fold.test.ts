import { describe, expect, it } from 'vitest';
import { kFold } from './k-fold.js';

describe('kFold', () => {
  it('tests every row exactly once, with fold sizes as scikit-learn’s KFold', () => {
    const folds = kFold(11, { k: 3, shuffle: false });
    expect(folds.map((f) => Array.from(f.test))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10],
    ]);
    expect(Array.from(folds[1]!.train)).toEqual([0, 1, 2, 3, 8, 9, 10]);
    const shuffled = kFold(11, { k: 3, seed: 2 });
    expect(shuffled.map((f) => f.test.length)).toEqual([4, 4, 3]);
    const all = shuffled.flatMap((f) => Array.from(f.test)).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 11 }, (_, i) => i));
    for (const f of shuffled) {
      expect(f.train.length + f.test.length).toBe(11);
      expect(Array.from(f.train).some((r) => f.test.includes(r))).toBe(false);
    }
    expect(kFold(11, { k: 3, seed: 2 })).toEqual(shuffled);
    expect(kFold(11, { k: 3, seed: 3 })).not.toEqual(shuffled);
  });

  it('spreads each class evenly when stratified', () => {
    // 13 of class 0, 7 of class 1, 4 of class 2.
    const y = Int32Array.from({ length: 24 }, (_, i) => (i < 13 ? 0 : i < 20 ? 1 : 2));
    const folds = kFold(y, { k: 4, stratify: true, seed: 5 });
    const sizes = folds.map((f) => f.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const [c, nc] of [
      [0, 13],
      [1, 7],
      [2, 4],
    ] as const) {
      for (const f of folds) {
        const count = Array.from(f.test).filter((r) => y[r] === c).length;
        expect(count).toBeGreaterThanOrEqual(Math.floor(nc / 4));
        expect(count).toBeLessThanOrEqual(Math.ceil(nc / 4));
      }
    }
    expect(folds.flatMap((f) => Array.from(f.test)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 24 }, (_, i) => i),
    );
  });

  it('rejects impossible folds', () => {
    expect(() => kFold(3, { k: 4 })).toThrow('kFold: k is 4 but there are 3 rows; expected k <= 3');
    expect(() => kFold(10, { k: 1 })).toThrow(/k is 1; expected an integer >= 2/);
    expect(() => kFold(10, { stratify: true })).toThrow(/stratify needs the labels/);
  });
});
