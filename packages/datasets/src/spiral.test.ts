import { describe, expect, it } from 'vitest';
import { createData } from './spiral.js';

describe('createData', () => {
  it('makes samples·classes points in 2-D, labelled class by class', () => {
    const { X, y } = createData({ samples: 50, classes: 3, seed: 1 });
    expect(X.shape).toEqual([150, 2]);
    expect(X.data).toBeInstanceOf(Float32Array);
    expect(y).toBeInstanceOf(Int32Array);
    expect(y.length).toBe(150);
    for (let i = 0; i < 150; i++) expect(y[i]).toBe(Math.floor(i / 50));
  });

  it('is bit-identical for the same seed and differs for another', () => {
    const a = createData({ samples: 100, classes: 3, seed: 42 });
    const b = createData({ samples: 100, classes: 3, seed: 42 });
    const c = createData({ samples: 100, classes: 3, seed: 43 });
    expect(Buffer.from(a.X.data.buffer).equals(Buffer.from(b.X.data.buffer))).toBe(true);
    expect(a.y).toEqual(b.y);
    expect(a.X.data).not.toEqual(c.X.data);
  });

  it('places row i of a class at radius linspace(0, 1)[i], inside the unit disc', () => {
    const samples = 40;
    const { X } = createData({ samples, classes: 4, noise: 0.5, seed: 9 });
    for (let row = 0; row < X.rows; row++) {
      const radius = Math.hypot(X.get(row, 0), X.get(row, 1));
      expect(radius).toBeGreaterThanOrEqual(0);
      expect(radius).toBeLessThanOrEqual(1 + 1e-6);
      expect(radius).toBeCloseTo((row % samples) / (samples - 1), 6);
    }
  });

  it('follows the formula exactly when noise is 0', () => {
    const { X } = createData({ samples: 5, classes: 2, noise: 0, seed: 3 });
    // Class 1, i = 2: r = 2/4 = 0.5, t = 4 + 2·(8 - 4)/4 = 6, angle 2.5·6 = 15.
    expect(X.get(7, 0)).toBe(Math.fround(0.5 * Math.sin(15)));
    expect(X.get(7, 1)).toBe(Math.fround(0.5 * Math.cos(15)));
    // The last point of class 0: r = 1, t = 4, angle 10.
    expect(X.get(4, 0)).toBe(Math.fround(Math.sin(10)));
    expect(X.get(4, 1)).toBe(Math.fround(Math.cos(10)));
    // With no noise the seed does not matter.
    expect(createData({ samples: 5, classes: 2, noise: 0, seed: 99 }).X.data).toEqual(X.data);
  });

  it('puts a single sample per class at the origin', () => {
    const { X } = createData({ samples: 1, classes: 2, seed: 0 });
    expect(Array.from(X.data).map(Math.abs)).toEqual([0, 0, 0, 0]);
  });

  it('draws a random seed when none is given', () => {
    const { X } = createData({ samples: 10, classes: 2 });
    expect(X.data.every(Number.isFinite)).toBe(true);
  });

  it('rejects bad options', () => {
    expect(() => createData({ samples: 0, classes: 3 })).toThrow(
      'createData: samples is 0; expected an integer >= 1',
    );
    expect(() => createData({ samples: 2.5, classes: 3 })).toThrow(/samples is 2.5/);
    expect(() => createData({ samples: 10, classes: -1 })).toThrow(/classes is -1/);
    expect(() => createData({ samples: 10, classes: 2, noise: -0.1 })).toThrow(
      /noise is -0.1; expected a finite number >= 0/,
    );
    expect(() => createData({ samples: 10, classes: 2, noise: Number.NaN })).toThrow(/noise/);
    expect(() => createData({ samples: 10, classes: 2, seed: Number.NaN })).toThrow(/seed is NaN/);
  });
});
