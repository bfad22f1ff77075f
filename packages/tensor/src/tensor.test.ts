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

  it('reshapes as a view on the same memory, with one inferred dimension', () => {
    const t = new Tensor(new Float32Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), [2, 3, 2]);
    const m = t.reshape([6, 2]);
    expect(m.shape).toEqual([6, 2]);
    expect(m.data).toBe(t.data);
    m.data[3] = 40;
    expect(t.data[3]).toBe(40);
    expect(t.reshape([-1, 4]).shape).toEqual([3, 4]);
    expect(t.reshape([2, -1]).shape).toEqual([2, 6]);
    expect(Tensor.zeros([0, 3]).reshape([-1]).shape).toEqual([0]);
  });

  it('refuses a reshape whose size differs, with the shapes in the message', () => {
    const t = Tensor.zeros([2, 3]);
    expect(() => t.reshape([4, 2])).toThrow(
      'Tensor.reshape: cannot view shape [2, 3] (6 values) as [4, 2]',
    );
    expect(() => t.reshape([-1, 4])).toThrow(/as \[-1, 4\]/);
    expect(() => t.reshape([-1, -1])).toThrow(/at most one dimension may be -1/);
    expect(() => t.reshape([2.5, 2])).toThrow(/as \[2.5, 2\]/);
  });
});
