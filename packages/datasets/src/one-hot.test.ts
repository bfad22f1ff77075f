import { getBackend } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { oneHot } from './one-hot.js';

describe('oneHot', () => {
  it('sets one 1 per row in the label column', () => {
    expect(oneHot(Int32Array.from([2, 0, 1])).toArray()).toEqual([
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(oneHot([1], 4).shape).toEqual([1, 4]);
  });

  it('round-trips through a row argmax', () => {
    const y = Int32Array.from([3, 1, 4, 1, 5, 0, 2, 6, 5, 3]);
    const back = getBackend().argmaxRows(oneHot(y), new Int32Array(y.length));
    expect(back).toEqual(y);
  });

  it('gives [0, C] for no labels', () => {
    expect(oneHot(new Int32Array(0), 3).shape).toEqual([0, 3]);
    expect(oneHot([]).shape).toEqual([0, 0]);
  });

  it('rejects labels it cannot encode', () => {
    expect(() => oneHot([0, -1])).toThrow(
      'oneHot: y[1] is -1; expected a class index (an integer >= 0)',
    );
    expect(() => oneHot([0.5])).toThrow(/y\[0\] is 0.5/);
    expect(() => oneHot([0, 3, 1], 3)).toThrow(
      'oneHot: y[1] is 3 but numClasses is 3; expected labels 0..2 (numClasses >= 4)',
    );
    expect(() => oneHot([0], 0)).toThrow(/numClasses is 0; expected an integer >= 1/);
  });
});
