import type { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { planeExtent, planeGrid, prepareData } from './data.js';
import { DEFAULT_SETTINGS } from './settings.js';

describe('playground data', () => {
  it('splits the data set, stratified, and maps both sides to the chosen features', () => {
    const data = prepareData({
      ...DEFAULT_SETTINGS,
      dataset: 'moons',
      testRatio: 0.3,
      features: ['x1', 'x1x2'],
    });
    expect([data.task, data.classes]).toEqual(['classification', 2]);
    expect([data.train.points.rows, data.test.points.rows]).toEqual([280, 120]);
    const labels = data.test.y as Int32Array;
    expect(labels.filter((label) => label === 1).length).toBe(60);
    for (const side of [data.train, data.test]) {
      expect(side.X.shape).toEqual([side.points.rows, 2]);
      for (let i = 0; i < side.points.rows; i++) {
        const [a, b] = [side.points.data[2 * i]!, side.points.data[2 * i + 1]!];
        expect([side.X.data[2 * i], side.X.data[2 * i + 1]]).toEqual([a, Math.fround(a * b)]);
      }
    }
  });

  it('gives the same data for every seed, and different data for another noise', () => {
    const a = prepareData({ ...DEFAULT_SETTINGS, seed: 1 });
    const b = prepareData({ ...DEFAULT_SETTINGS, seed: 2 });
    expect(b.train.points.data).toEqual(a.train.points.data);
    expect(b.test.y).toEqual(a.test.y);
    const noisier = prepareData({ ...DEFAULT_SETTINGS, noise: 0.3 });
    expect(noisier.train.points.data).not.toEqual(a.train.points.data);
  });

  it('keeps a regression target per point', () => {
    const data = prepareData({ ...DEFAULT_SETTINGS, dataset: 'gaussians', testRatio: 0.25 });
    expect([data.task, data.classes]).toEqual(['regression', 0]);
    expect((data.train.y as Tensor).shape).toEqual([300, 1]);
    expect((data.test.y as Tensor).shape).toEqual([100, 1]);
  });

  it('covers the data with a margin by a grid of cell centres, row by row', () => {
    const data = prepareData({ ...DEFAULT_SETTINGS, dataset: 'plane' });
    const [[x0, x1], [y0, y1]] = planeExtent(data);
    // The plane's points are uniform in [-1, 1)², so the extent is about [-1.2, 1.2].
    expect(x0).toBeCloseTo(-1.2, 1);
    expect(y1).toBeCloseTo(1.2, 1);
    const grid = planeGrid(
      [
        [x0, x1],
        [y0, y1],
      ],
      4,
    );
    const cell = (x1 - x0) / 4;
    expect(grid.x[0]).toBeCloseTo(x0 + cell / 2, 12);
    expect(grid.points.shape).toEqual([16, 2]);
    // Point r·G + c is (x[c], y[r]).
    expect([grid.points.data[2 * 6], grid.points.data[2 * 6 + 1]]).toEqual([
      Math.fround(grid.x[2]!),
      Math.fround(grid.y[1]!),
    ]);
  });
});
