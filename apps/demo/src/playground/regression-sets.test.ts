import { describe, expect, it } from 'vitest';
import { GAUSSIAN_BUMPS, gaussians, makeGaussians, makePlane } from './regression-sets.js';

describe('regression data sets in the plane', () => {
  it('makePlane: y = (x₁ + x₂) / 2 exactly without noise, x uniform in [-1, 1)²', () => {
    const { X, y } = makePlane({ samples: 500, seed: 3 });
    expect(X.shape).toEqual([500, 2]);
    expect(y.shape).toEqual([500, 1]);
    for (let i = 0; i < 500; i++) {
      const [a, b] = [X.data[2 * i]!, X.data[2 * i + 1]!];
      expect(Math.abs(a)).toBeLessThanOrEqual(1);
      expect(Math.abs(b)).toBeLessThanOrEqual(1);
      expect(y.data[i]).toBe(Math.fround((a + b) / 2));
    }
    // Both halves of the square are sampled.
    const xs = Array.from(X.data);
    expect(Math.min(...xs)).toBeLessThan(-0.9);
    expect(Math.max(...xs)).toBeGreaterThan(0.9);
  });

  it('makeGaussians: the sum of the bumps, with a hill and a dip at their centres', () => {
    const { X, y } = makeGaussians({ samples: 200, seed: 1 });
    for (let i = 0; i < 200; i++) {
      expect(y.data[i]).toBe(Math.fround(gaussians(X.data[2 * i]!, X.data[2 * i + 1]!)));
    }
    expect(gaussians(-0.5, 0.5)).toBeGreaterThan(0.9);
    expect(gaussians(0.5, 0.5)).toBeLessThan(-0.9);
    // Far from every centre the surface is flat.
    expect(Math.abs(gaussians(-3, 3))).toBeLessThan(1e-6);
    expect(GAUSSIAN_BUMPS.map((bump) => Math.sign(bump.height))).toEqual([1, -1, 1, -1, 1]);
  });

  it('is reproducible from its seed, and noise moves only the targets, by noise·N(0, 1)', () => {
    const clean = makePlane({ samples: 2000, seed: 9 });
    const again = makePlane({ samples: 2000, seed: 9 });
    expect(again.X.data).toEqual(clean.X.data);
    expect(again.y.data).toEqual(clean.y.data);
    const noisy = makePlane({ samples: 2000, noise: 0.2, seed: 9 });
    // The residuals against the clean formula have the noise's spread.
    const residuals = Array.from(noisy.y.data, (v, i) => {
      const a = noisy.X.data[2 * i]!;
      const b = noisy.X.data[2 * i + 1]!;
      return v - (a + b) / 2;
    });
    const mean = residuals.reduce((s, r) => s + r, 0) / residuals.length;
    const sd = Math.sqrt(residuals.reduce((s, r) => s + (r - mean) ** 2, 0) / residuals.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(sd).toBeGreaterThan(0.18);
    expect(sd).toBeLessThan(0.22);
  });

  it('rejects a bad sample count or noise, naming the function and the value', () => {
    expect(() => makePlane({ samples: 0 })).toThrow(
      'makePlane: samples is 0; expected an integer >= 1',
    );
    expect(() => makeGaussians({ samples: 10, noise: -0.1 })).toThrow(
      'makeGaussians: noise is -0.1; expected a finite number >= 0',
    );
  });
});
