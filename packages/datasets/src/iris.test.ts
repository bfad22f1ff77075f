import { describe, expect, it } from 'vitest';
import { loadIris } from './iris.js';

describe('loadIris', () => {
  it('has 150 rows of 4 features, 50 per species', () => {
    const { X, y, classNames, featureNames } = loadIris();
    expect(X.shape).toEqual([150, 4]);
    expect(classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(featureNames).toHaveLength(4);
    expect([0, 1, 2].map((c) => y.filter((v) => v === c).length)).toEqual([50, 50, 50]);
  });

  it('matches the published rows and column means of the corrected data', () => {
    const { X } = loadIris();
    const f = Math.fround;
    expect(X.toArray()[0]).toEqual([f(5.1), f(3.5), f(1.4), f(0.2)]);
    expect(X.toArray()[149]).toEqual([f(5.9), f(3), f(5.1), f(1.8)]);
    // Rows 35 and 38 (1-based) are where UCI's iris.data differs from Fisher's paper;
    // bezdekIris.data and scikit-learn have these values.
    expect(X.toArray()[34]).toEqual([f(4.9), f(3.1), f(1.5), f(0.2)]);
    expect(X.toArray()[37]).toEqual([f(4.9), f(3.6), f(1.4), f(0.1)]);
    // Column means of sklearn.datasets.load_iris().data.mean(axis=0).
    const means = [5.843333, 3.057333, 3.758, 1.199333];
    means.forEach((m, j) => {
      let s = 0;
      for (let i = 0; i < 150; i++) s += X.get(i, j);
      expect(s / 150).toBeCloseTo(m, 5);
    });
  });

  it('returns fresh arrays each time', () => {
    const a = loadIris();
    a.X.data[0] = 99;
    expect(loadIris().X.data[0]).toBeCloseTo(5.1, 5);
  });
});
