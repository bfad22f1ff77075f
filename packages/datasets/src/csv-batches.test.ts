import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import type { Batch } from './batches.js';
import { parseCsv } from './csv.js';
import { csvBatches } from './csv-batches.js';

const rows = Array.from(
  { length: 23 },
  (_, i) => `${i},${(i * 7) % 5},"${['a', 'b,c'][i % 2]}",${['no', 'yes'][i % 3 === 0 ? 1 : 0]}`,
);
const text = `n,m,kind,label\r\n${rows.join('\r\n')}\r\n`;

/** The text cut into pieces of `size` characters, or bytes when `bytes` is set. */
function* chunks(size: number, bytes = false): Generator<string | Uint8Array> {
  const all = bytes ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}

async function collect(source: AsyncIterable<Batch>) {
  const x: number[][] = [];
  const y: number[] = [];
  const sizes: number[] = [];
  for await (const b of source) {
    sizes.push(b.x.rows);
    x.push(...b.x.toArray());
    y.push(...(b.y instanceof Tensor ? Array.from(b.y.data) : Array.from(b.y)));
  }
  return { x, y, sizes };
}

const options = {
  target: 'label',
  classNames: ['no', 'yes'],
  categories: { kind: ['a', 'b,c'] },
  batchSize: 5,
};

describe('csvBatches', () => {
  it('streams the same rows as parseCsv reads whole, however the text is cut', async () => {
    const { batchSize: _, ...tableOptions } = options;
    const whole = parseCsv(text, tableOptions);
    for (const size of [1, 3, 17, 64, 10_000]) {
      for (const bytes of [false, true]) {
        const got = await collect(csvBatches(() => chunks(size, bytes), options));
        expect(got.sizes).toEqual([5, 5, 5, 5, 3]);
        expect(got.x).toEqual(whole.X.toArray());
        expect(got.y).toEqual(Array.from(whole.y));
      }
    }
  });

  it('re-reads the file on every pass and yields numeric targets as a Tensor', async () => {
    const source = csvBatches(() => chunks(50), {
      target: 'm',
      targetType: 'number',
      features: ['n'],
      batchSize: 10,
    });
    const first = await collect(source);
    const second = await collect(source);
    expect(second).toEqual(first);
    expect(first.y).toEqual(Array.from({ length: 23 }, (_, i) => (i * 7) % 5));
    expect(first.x.map((r) => r[0])).toEqual(Array.from({ length: 23 }, (_, i) => i));
  });

  it('handles a multi-byte character split across chunks', async () => {
    const csv = new TextEncoder().encode('x,label\n1,é\n2,ü\n');
    const source = csvBatches(() => [csv.subarray(0, 12), csv.subarray(12)], {
      target: 'label',
      classNames: ['é', 'ü'],
    });
    expect((await collect(source)).y).toEqual([0, 1]);
  });

  it('needs class names up front and names the line of a bad row', async () => {
    expect(() => csvBatches(() => chunks(10), { target: 'label' })).toThrow(
      /a class target needs classNames/,
    );
    const bad = csvBatches(() => ['a,label\n1,x\n2,z\n'], { target: 'label', classNames: ['x'] });
    await expect(collect(bad)).rejects.toThrow(
      /csvBatches: line 3, target "label" is "z", which is not among classNames "x"/,
    );
    const text = csvBatches(() => ['a,label\n1,x\nq,x\n'], { target: 'label', classNames: ['x'] });
    await expect(collect(text)).rejects.toThrow(
      'csvBatches: line 3, column "a" is "q"; expected a finite number',
    );
    const short = csvBatches(() => ['a,label\n1\n'], { target: 'label', classNames: ['x'] });
    await expect(collect(short)).rejects.toThrow(/line 2 has 1 fields; expected 2/);
    await expect(
      collect(csvBatches(() => [], { target: 'label', classNames: ['x'] })),
    ).rejects.toThrow(/file is empty/);
  });
});
