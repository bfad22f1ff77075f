import { afterAll, describe, expect, it } from 'vitest';
import { wasmVariants } from '../../test/wasm-variants.js';
import type { Backend } from '../backend.js';
import { JsBackend } from '../js-backend.js';
import { Rng } from '../rng.js';
import { Tensor } from '../tensor.js';

// The kernels of assembly/training.ts compute in the reference's precision and order, so
// they must give its results bit for bit (the conformance suite only asks for tolerances).

const reference = new JsBackend();
const variants = wasmVariants();
afterAll(() => Promise.all(variants.map(([, wasm]) => wasm.dispose())));

/** [rows, cols]: odd columns (the scalar tail), one row, one column, W1's and wider. */
const SHAPES: [number, number][] = [
  [1, 1],
  [1, 6],
  [2, 3],
  [5, 7],
  [32, 128],
  [33, 65],
];

function values(b: Backend, shape: number[], seed: number, scale = 1, offset = 0): Tensor {
  const rng = new Rng(seed);
  const t = new Tensor(b.allocate(shape.reduce((x, y) => x * y, 1)), shape);
  for (let i = 0; i < t.size; i++) t.data[i] = offset + scale * rng.normal();
  return t;
}

function expectBits(got: ArrayLike<number>, want: ArrayLike<number>, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i])) {
      throw new Error(`${what}: element ${i} is ${got[i]}, the reference's ${want[i]}`);
    }
  }
}

describe.each(variants)('wasm training kernels (%s)', (_, wasm) => {
  for (const [rows, cols] of SHAPES) {
    it(`batchNorm and its backward, bit for bit, ${rows}×${cols}`, () => {
      const run = (b: Backend, training: boolean, inPlace: boolean) => {
        // A large offset makes the f64 sums and their order matter.
        const x = values(b, [rows, cols], 1, 30, 1e3);
        const [gamma, beta] = [values(b, [cols], 2), values(b, [cols], 3)];
        const state = {
          runningMean: values(b, [cols], 4).data,
          runningVar: values(b, [cols], 5, 0.1, 1).data,
          momentum: 0.9,
          epsilon: 1e-5,
          invStd: new Float64Array(cols),
          xHat: values(b, [rows, cols], 0, 0),
        };
        const out = inPlace ? x : values(b, [rows, cols], 0, 0);
        b.batchNorm(x, gamma, beta, state, training, out);
        const dy = values(b, [rows, cols], 6);
        const [dx, dg, db] = [
          values(b, [rows, cols], 0, 0),
          values(b, [cols], 0),
          values(b, [cols], 0),
        ];
        b.batchNormBackward(dy, gamma, state, training, inPlace ? dy : dx, dg, db);
        return [
          out.data,
          state.runningMean,
          state.runningVar,
          state.invStd,
          state.xHat.data,
          inPlace ? dy.data : dx.data,
          dg.data,
          db.data,
        ];
      };
      for (const training of [true, false]) {
        for (const inPlace of [false, true]) {
          const [got, want] = [run(wasm, training, inPlace), run(reference, training, inPlace)];
          for (let k = 0; k < got.length; k++) {
            expectBits(got[k]!, want[k]!, `${training ? 'training' : 'inference'} output ${k}`);
          }
        }
      }
    });
  }

  it('batchNorm copies operands that are not in wasm memory', () => {
    const x = new Tensor(
      Float32Array.from({ length: 15 }, (_, i) => i * i),
      [3, 5],
    );
    const state = () => ({
      runningMean: new Float32Array(5),
      runningVar: new Float32Array(5).fill(1),
      momentum: 0.5,
      epsilon: 1e-3,
      invStd: new Float64Array(5),
      xHat: Tensor.zeros([3, 5]),
    });
    const [sw, sr] = [state(), state()];
    const gamma = Tensor.filled([5], 2);
    const beta = Tensor.filled([5], 0.5);
    const got = wasm.batchNorm(x, gamma, beta, sw, true, Tensor.zeros([3, 5]));
    const want = reference.batchNorm(x, gamma, beta, sr, true, Tensor.zeros([3, 5]));
    expectBits(got.data, want.data, 'out');
    expectBits(sw.runningVar, sr.runningVar, 'runningVar');
    expectBits(sw.invStd, sr.invStd, 'invStd');
  });

  it('draws the same dropout masks as the reference, call after call, and leaves the same Rng state', () => {
    const [rw, rr] = [new Rng(21), new Rng(21)];
    for (const [size, rate] of [
      [1, 0.5],
      [7, 0.1],
      [4096, 0.3],
      [0, 0.2],
      [33, 0],
    ] as const) {
      const x = values(wasm, [1, size], size, 1e3);
      const [mw, mr] = [values(wasm, [1, size], 0, 0), values(reference, [1, size], 0, 0)];
      const got = wasm.dropout(x, rate, rw, mw, values(wasm, [1, size], 0, 0));
      const want = reference.dropout(x, rate, rr, mr, values(reference, [1, size], 0, 0));
      expectBits(got.data, want.data, `dropout ${size}`);
      expectBits(mw.data, mr.data, `mask ${size}`);
      expect(rw.getState()).toEqual(rr.getState());
    }
    const x = Tensor.zeros([1, 9]);
    x.data.set([Number.NaN, Number.POSITIVE_INFINITY, -1, -0, 0, 3, -2, 1e30, -1e-30]);
    const outs = [wasm, reference].map((b) =>
      b.dropout(x, 0.5, new Rng(3), Tensor.zeros([1, 9]), Tensor.zeros([1, 9])),
    );
    expectBits(outs[0]!.data, outs[1]!.data, 'dropout of special values');
  });

  it('computes the weight penalty and its gradient bit for bit, signed zeros and NaN too', () => {
    for (const size of [1, 2, 3, 1001]) {
      const w = values(wasm, [size], size);
      if (size > 2) w.data.set([0, -0, Number.NaN], 0);
      for (const [l1, l2] of [
        [0, 1e-4],
        [0.01, 0],
        [0.3, 0.02],
      ] as const) {
        expect(Object.is(wasm.penalty(w, l1, l2), reference.penalty(w, l1, l2))).toBe(true);
        const [gw, gr] = [values(wasm, [size], 7), values(reference, [size], 7)];
        gw.data[0] = -0;
        gr.data[0] = -0;
        wasm.penaltyBackward(w, l1, l2, gw);
        reference.penaltyBackward(w, l1, l2, gr);
        expectBits(gw.data, gr.data, `penaltyBackward ${size} ${l1} ${l2}`);
      }
    }
  });

  it('adds, subtracts, multiplies and takes maxima bit for bit, in place too', () => {
    for (const size of [1, 3, 4, 9, 4096]) {
      const a = values(wasm, [size], size, 1e3);
      const b = values(wasm, [size], size + 1, 1e-3);
      a.data.set([Number.NaN, -0, 3e38].slice(0, size));
      b.data.set([1, 0, 3e38].slice(0, size));
      for (const op of ['add', 'sub', 'mul', 'maximum'] as const) {
        const want = reference[op](a, b, Tensor.zeros([size]));
        expectBits(wasm[op](a, b, Tensor.zeros([size])).data, want.data, op);
        const inPlace = values(wasm, [size], size + 1, 1e-3);
        inPlace.data.set(b.data);
        expectBits(wasm[op](a, inPlace, inPlace).data, want.data, `${op} in place`);
      }
    }
  });

  it('gathers rows of any rank, from wasm memory and from plain arrays', () => {
    const src3 = values(wasm, [5, 3, 2], 8);
    const indices = Int32Array.from([4, 0, 4, 2]);
    for (const src of [src3, src3.clone()]) {
      const got = wasm.gatherRows(src, indices, values(wasm, [4, 3, 2], 0, 0));
      const want = reference.gatherRows(src, indices, Tensor.zeros([4, 3, 2]));
      expectBits(got.data, want.data, 'gather');
      expect(Array.from(got.data.subarray(0, 6))).toEqual(Array.from(src.data.subarray(24, 30)));
    }
    const none = wasm.gatherRows(src3, new Int32Array(0), Tensor.zeros([0, 3, 2]));
    expect(none.size).toBe(0);
    const out = values(wasm, [2, 3, 2], 0, 0, 7);
    expect(() => wasm.gatherRows(src3, Int32Array.from([1, 5]), out)).toThrow(
      'gatherRows: index 5 at position 1 is outside [0, 5)',
    );
    expect(Array.from(out.data)).toEqual(new Array(12).fill(7));
  });
});
