import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, mapFeatures } from './features.js';

describe('input features', () => {
  const X = new Tensor([
    [0.5, -2],
    [-1.25, 3],
  ]);

  it('computes x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂ per point, in the order asked', () => {
    const all = mapFeatures(X, FEATURE_NAMES);
    expect(all.shape).toEqual([2, 7]);
    const expected = [
      [0.5, -2, 0.25, 4, -1, Math.sin(0.5), Math.sin(-2)],
      [-1.25, 3, 1.5625, 9, -3.75, Math.sin(-1.25), Math.sin(3)],
    ].map((row) => row.map(Math.fround));
    expect(all.toArray()).toEqual(expected);
    expect(mapFeatures(X, ['sinx2', 'x1']).toArray()).toEqual(
      [
        [Math.sin(-2), 0.5],
        [Math.sin(3), -1.25],
      ].map((row) => row.map(Math.fround)),
    );
  });

  it('rejects a point that is not 2-D, no features, and an unknown feature', () => {
    expect(() => mapFeatures(new Tensor([[1, 2, 3]]), ['x1'])).toThrow(
      'mapFeatures: X has shape [1, 3]; expected [N, 2]',
    );
    expect(() => mapFeatures(X, [])).toThrow('no features; expected at least one');
    expect(() => mapFeatures(X, ['x3' as never])).toThrow("unknown feature 'x3'");
  });
});
