import { describe, expect, it } from 'vitest';
import { makeLinear, makeSine } from './regression.js';

describe('makeSine', () => {
  it('gives y = sin(x) exactly without noise, x inside the range', () => {
    const { X, y } = makeSine({ samples: 200, seed: 5 });
    expect(X.shape).toEqual([200, 1]);
    expect(y.shape).toEqual([200, 1]);
    for (let i = 0; i < 200; i++) {
      expect(Math.abs(X.data[i]!)).toBeLessThanOrEqual(Math.PI);
      expect(y.data[i]).toBe(Math.fround(Math.sin(X.data[i]!)));
    }
  });

  it('adds noise with the asked standard deviation, reproducibly', () => {
    const { X, y } = makeSine({ samples: 5000, noise: 0.1, range: [0, 10], seed: 6 });
    let sq = 0;
    for (let i = 0; i < 5000; i++) sq += (y.data[i]! - Math.sin(X.data[i]!)) ** 2;
    expect(Math.sqrt(sq / 5000)).toBeCloseTo(0.1, 2);
    expect(makeSine({ samples: 30, noise: 0.1, seed: 6 }).y.data).toEqual(
      makeSine({ samples: 30, noise: 0.1, seed: 6 }).y.data,
    );
    expect(() => makeSine({ samples: 3, range: [1, 1] })).toThrow(/range is \[1, 1\]/);
  });
});

describe('makeLinear', () => {
  it('is exactly X·w + b without noise, with the weights it reports', () => {
    const { X, y, weights, bias } = makeLinear({ samples: 50, features: 3, bias: 2, seed: 1 });
    expect(weights).toHaveLength(3);
    for (const w of weights) expect(Math.abs(w)).toBeLessThanOrEqual(1);
    expect(bias).toBe(2);
    for (let i = 0; i < 50; i++) {
      const t = 2 + weights.reduce((s, w, j) => s + w * X.get(i, j), 0);
      expect(y.data[i]).toBe(Math.fround(t));
    }
  });

  it('takes given weights and rejects a features count that disagrees', () => {
    const { X, y } = makeLinear({ samples: 4, weights: [2, -1], seed: 2 });
    expect(y.data[3]).toBe(Math.fround(2 * X.get(3, 0) - X.get(3, 1)));
    expect(() => makeLinear({ samples: 4, weights: [1], features: 2 })).toThrow(
      'makeLinear: features is 2 but weights has 1 entries; expected equal',
    );
    expect(() => makeLinear({ samples: 4, weights: [] })).toThrow(/weights.length is 0/);
  });
});
