import { describe, expect, it } from 'vitest';
import { Tensor } from './tensor.js';

describe('Tensor', () => {
  it('takes a Float32Array with a shape', () => {
    const t = new Tensor(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3]);
    expect(t.rows).toBe(2);
    expect(t.cols).toBe(3);
    expect(t.get(1, 2)).toBe(6);
  });

  it('takes nested arrays and round-trips them', () => {
    const nested = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    const t = new Tensor(nested);
    expect(t.shape).toEqual([3, 2]);
    expect(t.toArray()).toEqual(nested);
  });

  it('rejects a shape that does not match the data', () => {
    expect(() => new Tensor(new Float32Array(5), [2, 3])).toThrow(/holds 6 values but data has 5/);
  });

  it('rejects ragged and non-numeric nested arrays', () => {
    expect(() => new Tensor([[1, 2], [3]])).toThrow(/ragged array at \[1\]/);
    expect(() => new Tensor([[1, 'x' as unknown as number]])).toThrow(
      /element \[0\]\[1\] is string/,
    );
  });

  it('slices rows as views on the same memory', () => {
    const t = new Tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const v = t.sliceRows(1, 3);
    expect(v.shape).toEqual([2, 2]);
    v.data[0] = 30;
    expect(t.get(1, 0)).toBe(30);
  });
});
