import { describe, expect, it } from 'vitest';
import { makeBlobs } from './blobs.js';
import { makeCheckerboard } from './checkerboard.js';
import { makeCircles } from './circles.js';
import { makeMoons } from './moons.js';
import { makeXor } from './xor.js';

function counts(y: Int32Array): number[] {
  const out: number[] = [];
  for (const c of y) out[c] = (out[c] ?? 0) + 1;
  return out;
}

function same(a: { X: { data: Float32Array }; y: Int32Array }, b: typeof a): boolean {
  return (
    Buffer.from(a.X.data.buffer).equals(Buffer.from(b.X.data.buffer)) &&
    a.y.every((v, i) => v === b.y[i])
  );
}

describe('makeMoons', () => {
  it('puts the points on scikit-learn’s two half circles without noise', () => {
    const { X, y } = makeMoons({ samples: 7, shuffle: false });
    // sklearn.datasets.make_moons(7, shuffle=False), printed to 6 decimals.
    const expected = [
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, 0.5],
      [0.5, -0.366025],
      [1.5, -0.366025],
      [2, 0.5],
    ];
    expected.forEach(([a, b], i) => {
      expect(X.get(i, 0)).toBeCloseTo(a!, 5);
      expect(X.get(i, 1)).toBeCloseTo(b!, 5);
    });
    expect(Array.from(y)).toEqual([0, 0, 0, 1, 1, 1, 1]);
  });

  it('shuffles rows with their labels and adds noise of the asked size', () => {
    const clean = makeMoons({ samples: 1000, seed: 4 });
    const noisy = makeMoons({ samples: 1000, noise: 0.1, seed: 4 });
    // Same seed, same shuffle: the noise is the only difference, with std ≈ 0.1.
    expect(Array.from(noisy.y)).toEqual(Array.from(clean.y));
    let sq = 0;
    for (let i = 0; i < clean.X.size; i++) sq += (noisy.X.data[i]! - clean.X.data[i]!) ** 2;
    expect(Math.sqrt(sq / clean.X.size)).toBeCloseTo(0.1, 2);
    // Every clean point lies on its own class's half circle.
    for (let i = 0; i < 1000; i++) {
      const [a, b] = [clean.X.get(i, 0), clean.X.get(i, 1)];
      const r = clean.y[i] === 0 ? Math.hypot(a, b) : Math.hypot(a - 1, b - 0.5);
      expect(r).toBeCloseTo(1, 5);
    }
    expect(counts(clean.y)).toEqual([500, 500]);
    expect(
      same(
        makeMoons({ samples: 50, noise: 0.2, seed: 1 }),
        makeMoons({ samples: 50, noise: 0.2, seed: 1 }),
      ),
    ).toBe(true);
    expect(
      same(
        makeMoons({ samples: 50, noise: 0.2, seed: 1 }),
        makeMoons({ samples: 50, noise: 0.2, seed: 2 }),
      ),
    ).toBe(false);
  });

  it('rejects bad options', () => {
    expect(() => makeMoons({ samples: 1 })).toThrow(
      'makeMoons: samples is 1; expected an integer >= 2',
    );
    expect(() => makeMoons({ samples: 10, noise: -1 })).toThrow(/noise is -1/);
    expect(() => makeMoons({ samples: 10, seed: Number.NaN })).toThrow(/seed is NaN/);
  });
});

describe('makeCircles', () => {
  it('puts floor(N/2) points on the unit circle and the rest on radius factor', () => {
    const { X, y } = makeCircles({ samples: 9, factor: 0.5, shuffle: false });
    // sklearn.datasets.make_circles(9, factor=0.5, shuffle=False), to 6 decimals.
    const expected = [
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
      [0.5, 0],
      [0.154508, 0.475528],
      [-0.404508, 0.293893],
      [-0.404508, -0.293893],
      [0.154508, -0.475528],
    ];
    expected.forEach(([a, b], i) => {
      expect(X.get(i, 0)).toBeCloseTo(a!, 5);
      expect(X.get(i, 1)).toBeCloseTo(b!, 5);
    });
    expect(Array.from(y)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1]);
    const shuffled = makeCircles({ samples: 300, factor: 0.3, seed: 2 });
    for (let i = 0; i < 300; i++) {
      const r = Math.hypot(shuffled.X.get(i, 0), shuffled.X.get(i, 1));
      expect(r).toBeCloseTo(shuffled.y[i] === 0 ? 1 : 0.3, 5);
    }
  });

  it('defaults to factor 0.8 and rejects a factor outside [0, 1)', () => {
    const { X } = makeCircles({ samples: 2, shuffle: false });
    expect(X.get(1, 0)).toBeCloseTo(0.8, 6);
    expect(() => makeCircles({ samples: 10, factor: 1 })).toThrow(
      'makeCircles: factor is 1; expected a number in [0, 1)',
    );
    expect(() => makeCircles({ samples: 10, factor: -0.1 })).toThrow(/factor is -0.1/);
  });
});

describe('makeBlobs', () => {
  it('splits samples over the centres as make_blobs does and draws around each', () => {
    const { X, y, centers } = makeBlobs({ samples: 3001, centers: 3, std: 0.5, seed: 3 });
    expect(counts(y)).toEqual([1001, 1000, 1000]);
    expect(centers.shape).toEqual([3, 2]);
    for (const c of centers.data) expect(Math.abs(c)).toBeLessThanOrEqual(10);
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      let sq = 0;
      let n = 0;
      for (let i = 0; i < y.length; i++) {
        if (y[i] !== c) continue;
        const d = X.get(i, 0) - centers.get(c, 0);
        sum += d;
        sq += d * d;
        n++;
      }
      expect(Math.abs(sum / n)).toBeLessThan(0.06);
      expect(Math.sqrt(sq / n)).toBeCloseTo(0.5, 1);
    }
  });

  it('takes given centres and per-centre stds; std 0 puts points on their centre', () => {
    const { X, y } = makeBlobs({
      samples: 5,
      centers: [
        [1, 2, 3],
        [-1, -2, -3],
      ],
      std: [0, 0],
      shuffle: false,
    });
    expect(X.shape).toEqual([5, 3]);
    expect(Array.from(y)).toEqual([0, 0, 0, 1, 1]);
    expect(X.toArray()[4]).toEqual([-1, -2, -3]);
    expect(() => makeBlobs({ samples: 5, centers: 2, std: [1, 1, 1] })).toThrow(
      'makeBlobs: std has 3 entries but there are 2 centres; expected one per centre',
    );
    expect(() => makeBlobs({ samples: 5, centers: [[1, 2], [3]] })).toThrow(
      /centers\[1\] has 1 coordinates/,
    );
    expect(() => makeBlobs({ samples: 5, centers: 0 })).toThrow(/centers is 0/);
  });
});

describe('makeXor and makeCheckerboard', () => {
  it('labels by the quadrant rule', () => {
    const { X, y } = makeXor({ samples: 500, seed: 1 });
    for (let i = 0; i < 500; i++) expect(y[i]).toBe(X.get(i, 0) > 0 !== X.get(i, 1) > 0 ? 1 : 0);
    expect(counts(y)[1]! / 500).toBeCloseTo(0.5, 1);
  });

  it('labels by the square’s colour', () => {
    const { X, y } = makeCheckerboard({ samples: 500, tiles: 3, seed: 1 });
    for (let i = 0; i < 500; i++) {
      const u = Math.floor(((X.get(i, 0) + 1) / 2) * 3);
      const v = Math.floor(((X.get(i, 1) + 1) / 2) * 3);
      expect(y[i]).toBe((u + v) % 2);
      expect(Math.abs(X.get(i, 0))).toBeLessThanOrEqual(1);
    }
    expect(() => makeCheckerboard({ samples: 5, tiles: 0 })).toThrow(/tiles is 0/);
  });
});
