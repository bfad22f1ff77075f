import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { type Batch, batchesFromArrays, isBatchSource, selectRows } from './batches.js';

/** Row i of X is [i, 10·i]; label i % 3. */
const n = 10;
const X = new Tensor(
  Float32Array.from({ length: 2 * n }, (_, i) => (i % 2 ? 10 * ((i - 1) / 2) : i / 2)),
  [n, 2],
);
const y = Int32Array.from({ length: n }, (_, i) => i % 3);

async function pass(source: AsyncIterable<Batch>): Promise<Batch[]> {
  const out: Batch[] = [];
  for await (const b of source) out.push(b);
  return out;
}

describe('batchesFromArrays', () => {
  it('yields every row once per pass, in batches, with its own target', async () => {
    const source = batchesFromArrays(X, y, { batchSize: 4, seed: 1 });
    expect(isBatchSource(source)).toBe(true);
    const batches = await pass(source);
    expect(batches.map((b) => b.x.shape)).toEqual([
      [4, 2],
      [4, 2],
      [2, 2],
    ]);
    const ids = batches.flatMap((b) => Array.from({ length: b.x.rows }, (_, r) => b.x.get(r, 0)));
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    for (const b of batches) {
      for (let r = 0; r < b.x.rows; r++) {
        expect(b.x.get(r, 1)).toBe(10 * b.x.get(r, 0));
        expect((b.y as Int32Array)[r]).toBe(b.x.get(r, 0) % 3);
      }
    }
  });

  it('reshuffles each pass, the same passes for the same seed', async () => {
    const order = (bs: Batch[]) =>
      bs.flatMap((b) => Array.from(b.x.data.filter((_, i) => i % 2 === 0)));
    const a = batchesFromArrays(X, y, { batchSize: 3, seed: 7 });
    const b = batchesFromArrays(X, y, { batchSize: 3, seed: 7 });
    const a1 = order(await pass(a));
    const a2 = order(await pass(a));
    expect(a1).not.toEqual(a2);
    expect(order(await pass(b))).toEqual(a1);
    expect(order(await pass(b))).toEqual(a2);
    const plain = order(await pass(batchesFromArrays(X, y, { batchSize: 3, shuffle: false })));
    expect(plain).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('drops a short last batch on request and splits Tensor targets by row', async () => {
    const Y = new Tensor(
      Float32Array.from({ length: n }, (_, i) => i),
      [n, 1],
    );
    const batches = await pass(
      batchesFromArrays(X, Y, { batchSize: 4, dropLast: true, shuffle: false }),
    );
    expect(batches).toHaveLength(2);
    expect(batches[1]!.y).toBeInstanceOf(Tensor);
    expect(Array.from((batches[1]!.y as Tensor).data)).toEqual([4, 5, 6, 7]);
  });

  it('rejects mismatched or empty input and a bad batch size', () => {
    expect(() => batchesFromArrays(X, y.subarray(1))).toThrow(
      'batchesFromArrays: X has 10 rows but y has 9; expected one target per row',
    );
    expect(() => batchesFromArrays(Tensor.zeros([0, 2]), new Int32Array(0))).toThrow(/no rows/);
    expect(() => batchesFromArrays(X, y, { batchSize: 0 })).toThrow(/batchSize is 0/);
    expect(isBatchSource(X)).toBe(false);
    expect(isBatchSource([1, 2])).toBe(false);
  });
});

describe('selectRows', () => {
  it('copies the asked rows in the asked order', () => {
    expect(selectRows(X, [3, 0]).toArray()).toEqual([
      [3, 30],
      [0, 0],
    ]);
    expect(Array.from(selectRows(y, Int32Array.from([5, 5, 1])))).toEqual([2, 2, 1]);
    expect(() => selectRows(X, [10])).toThrow(
      'selectRows: index 10 at position 0 is out of range; expected 0..9',
    );
  });
});
