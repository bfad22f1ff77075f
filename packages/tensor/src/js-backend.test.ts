import { describe, expect, it } from 'vitest';
import { JsBackend } from './js-backend.js';
import { Rng } from './rng.js';
import { Tensor } from './tensor.js';

const backend = new JsBackend();

function random(rows: number, cols: number, rng: Rng): Tensor {
  const t = Tensor.zeros([rows, cols]);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal();
  return t;
}

/** The textbook triple loop in float64: the reference for the tiled kernel. */
function naive(a: Tensor, b: Tensor, transA: boolean, transB: boolean): Float64Array {
  const m = transA ? a.cols : a.rows;
  const k = transA ? a.rows : a.cols;
  const n = transB ? b.rows : b.cols;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        const av = transA ? a.data[p * m + i]! : a.data[i * k + p]!;
        const bv = transB ? b.data[j * k + p]! : b.data[p * n + j]!;
        s += av * bv;
      }
      out[i * n + j] = s;
    }
  }
  return out;
}

describe('JsBackend.matmul', () => {
  const rng = new Rng(1);
  // Sizes around the 4×4 tile: remainders in every direction, and 1-wide edges.
  const sizes: [number, number, number][] = [
    [1, 1, 1],
    [3, 5, 7],
    [4, 4, 4],
    [5, 9, 6],
    [32, 2, 128],
    [13, 64, 3],
    [17, 33, 31],
  ];
  for (const [m, k, n] of sizes) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        it(`[${m}x${k}]·[${k}x${n}] transA=${transA} transB=${transB}`, () => {
          const a = transA ? random(k, m, rng) : random(m, k, rng);
          const b = transB ? random(n, k, rng) : random(k, n, rng);
          const out = Tensor.filled([m, n], Number.NaN);
          backend.matmul(a, b, out, transA, transB);
          const want = naive(a, b, transA, transB);
          for (let i = 0; i < want.length; i++) {
            expect(Math.abs(out.data[i]! - want[i]!)).toBeLessThan(1e-5 * (1 + Math.abs(want[i]!)));
          }
        });
      }
    }
  }

  it('rejects mismatched inner dimensions with both shapes in the message', () => {
    expect(() =>
      backend.matmul(Tensor.zeros([2, 3]), Tensor.zeros([4, 5]), Tensor.zeros([2, 5])),
    ).toThrow(/inner dimensions differ: a is \[2, 3\], b is \[4, 5\]/);
  });

  it('rejects an out buffer of the wrong size', () => {
    expect(() =>
      backend.matmul(Tensor.zeros([2, 3]), Tensor.zeros([3, 5]), Tensor.zeros([2, 4])),
    ).toThrow(/expected \[2, 5\]/);
  });
});

describe('JsBackend element-wise and reductions', () => {
  const x = new Tensor([
    [1, -2, 3],
    [4, 5, -6],
  ]);

  it('adds a bias to every row', () => {
    const out = backend.addBias(
      x,
      new Tensor(new Float32Array([10, 20, 30]), [3]),
      Tensor.zeros([2, 3]),
    );
    expect(Array.from(out.data)).toEqual([11, 18, 33, 14, 25, 24]);
  });

  it('sums columns and rows', () => {
    expect(Array.from(backend.sumColumns(x, Tensor.zeros([3])).data)).toEqual([5, 3, -3]);
    expect(Array.from(backend.sumRows(x, Tensor.zeros([2])).data)).toEqual([2, 3]);
  });

  it('applies each activation and its derivative from the output, in place too', () => {
    const y = x.clone();
    backend.activation('relu', y, y);
    expect(Array.from(y.data)).toEqual([1, 0, 3, 4, 5, 0]);
    const g = Tensor.filled([2, 3], 2);
    expect(Array.from(backend.activationBackward('relu', y, g, Tensor.zeros([2, 3])).data)).toEqual(
      [2, 0, 2, 2, 2, 0],
    );
    const leaky = backend.activation('leakyRelu', x, Tensor.zeros([2, 3]), 0.5);
    expect(Array.from(leaky.data)).toEqual([1, -1, 3, 4, 5, -3]);
    backend.activationBackward('leakyRelu', leaky, g, g, 0.5);
    expect(Array.from(g.data)).toEqual([2, 1, 2, 2, 2, 1]);
    const s = backend.activation('sigmoid', x, Tensor.zeros([2, 3]));
    const t = backend.activation('tanh', x, Tensor.zeros([2, 3]));
    const ones = Tensor.filled([2, 3], 1);
    const ds = backend.activationBackward('sigmoid', s, ones, Tensor.zeros([2, 3]));
    const dt = backend.activationBackward('tanh', t, ones, Tensor.zeros([2, 3]));
    for (let i = 0; i < x.size; i++) {
      const v = x.data[i]!;
      const sv = 1 / (1 + Math.exp(-v));
      expect(s.data[i]).toBeCloseTo(sv, 6);
      expect(t.data[i]).toBeCloseTo(Math.tanh(v), 6);
      expect(ds.data[i]).toBeCloseTo(sv * (1 - sv), 6);
      expect(dt.data[i]).toBeCloseTo(1 - Math.tanh(v) ** 2, 5);
    }
  });

  it('fuses bias and activation into the dense product', () => {
    const w = new Tensor([
      [1, -2],
      [0, 1],
      [2, 0],
    ]);
    const bias = new Tensor(new Float32Array([0.5, -30]), [2]);
    const out = backend.dense(x, w, bias, Tensor.zeros([2, 2]), 'relu');
    // x · w = [[1 + 0 + 6, -2 - 2 + 0], [4 + 0 - 12, -8 + 5 + 0]] = [[7, -4], [-8, -3]]
    expect(Array.from(out.data)).toEqual([7.5, 0, 0, 0]);
  });

  it('names the mismatch when activation sizes differ', () => {
    expect(() => backend.activation('relu', x, Tensor.zeros([5]))).toThrow(/6 and 5 values/);
  });

  it('computes a stable softmax per row, even for huge logits', () => {
    const logits = new Tensor([
      [1000, 1001, 1002],
      [0, 0, 0],
    ]);
    const p = backend.softmaxRows(logits, Tensor.zeros([2, 3]));
    const e = [Math.exp(-2), Math.exp(-1), 1];
    const z = e[0]! + e[1]! + 1;
    expect(p.data[0]).toBeCloseTo(e[0]! / z, 6);
    expect(p.data[2]).toBeCloseTo(1 / z, 6);
    expect(p.data[3]).toBeCloseTo(1 / 3, 6);
  });

  it('finds the first maximum of each row', () => {
    const t = new Tensor([
      [1, 3, 3],
      [9, 0, 1],
    ]);
    expect(Array.from(backend.argmaxRows(t, new Int32Array(2)))).toEqual([1, 0]);
  });
});

describe('JsBackend rows and metrics', () => {
  it('gathers rows of any rank in the given order, repeats allowed', () => {
    const src = new Tensor(
      Float32Array.from({ length: 12 }, (_, i) => i),
      [3, 2, 2],
    );
    const out = backend.gatherRows(src, Int32Array.from([2, 0, 2]), Tensor.zeros([3, 2, 2]));
    expect(Array.from(out.data)).toEqual([8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11]);
    const column = new Tensor(Float32Array.from([5, 6, 7]), [3]);
    const picked = backend.gatherRows(column, Int32Array.from([1, 1]), Tensor.zeros([2]));
    expect(Array.from(picked.data)).toEqual([6, 6]);
    expect(backend.gatherRows(src, new Int32Array(0), Tensor.zeros([0, 2, 2])).size).toBe(0);
  });

  it('names what is wrong with a gather', () => {
    const src = Tensor.zeros([3, 4]);
    expect(() => backend.gatherRows(src, Int32Array.from([0, 1]), Tensor.zeros([2, 3]))).toThrow(
      'gatherRows: out is [2, 3], expected 2 rows (one per index) of 4 values',
    );
    expect(() => backend.gatherRows(src, Int32Array.from([-1]), Tensor.zeros([1, 4]))).toThrow(
      'gatherRows: index -1 at position 0 is outside [0, 3)',
    );
  });

  it('counts correct rows and sums absolute errors', () => {
    const pred = new Tensor([
      [0.1, 0.7, 0.2],
      [0.5, 0.5, 0],
      [0.2, 0.3, 0.5],
    ]);
    expect(backend.metricSum('correct', pred, Int32Array.from([1, 0, 0]))).toBe(2);
    const oneHot = new Tensor([
      [0, 1, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(backend.metricSum('correct', pred, oneHot.data)).toBe(2);
    const single = new Tensor([[0.5], [0.49], [0.9]]);
    expect(backend.metricSum('correct', single, Int32Array.from([1, 1, 0]))).toBe(1);
    expect(backend.metricSum('correct', single, Float32Array.from([0.6, 0, 1]))).toBe(3);
    expect(backend.metricSum('absoluteError', single, Int32Array.from([1, 0, 1]))).toBeCloseTo(
      0.5 + 0.49 + 0.1,
      6,
    );
    expect(() => backend.metricSum('correct', pred, Int32Array.from([1]))).toThrow(
      'metricSum: target holds 1 values, expected 3 (one label per row)',
    );
  });

  it('takes the element-wise maximum', () => {
    const a = new Tensor([[1, -2, Number.NaN]]);
    const b = new Tensor([[0, 3, 1]]);
    const out = backend.maximum(a, b, Tensor.zeros([1, 3]));
    expect(Array.from(out.data)).toEqual([1, 3, Number.NaN]);
  });
});
