import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relaxed, wasmVariants } from '../../test/wasm-variants.js';
import { activationKinds } from '../activations.js';
import type { ActivationKind } from '../backend.js';
import { describeBackendConformance } from '../conformance.js';
import { type Pool2DGeometryOptions, pool2dGeometry } from '../conv-geometry.js';
import { JsBackend } from '../js-backend.js';
import { Rng } from '../rng.js';
import { Tensor } from '../tensor.js';
import { createWasmVariant } from './create.js';

const reference = new JsBackend();
const rng = new Rng(7);

function random(rows: number, cols: number): Tensor {
  const t = Tensor.zeros([rows, cols]);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal();
  return t;
}

function expectClose(got: Tensor, want: Tensor, tol = 1e-5): void {
  expect(got.size).toBe(want.size);
  for (let i = 0; i < want.size; i++) {
    const w = want.data[i]!;
    const g = got.data[i]!;
    if (!(Math.abs(g - w) <= tol * (1 + Math.abs(w)))) {
      throw new Error(`element ${i}: got ${g}, expected ${w}`);
    }
  }
}

/** Edge sizes around the 4-row, 8-column tile, K = 1, and a few larger shapes. */
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [1, 7, 1],
  [3, 1, 5],
  [4, 8, 8],
  [5, 3, 9],
  [7, 13, 17],
  [8, 1, 16],
  [33, 65, 31],
  [64, 20, 100],
  [129, 70, 260],
  // Fewer than 4 rows read full panels of B in place, and pack only a narrower last one.
  [1, 100, 37],
  [2, 9, 8],
  [3, 20, 64],
];
const ACTIVATIONS = activationKinds;

const variants = wasmVariants();
afterAll(() => Promise.all(variants.map(([, wasm]) => wasm.dispose())));

for (const [name, wasm] of variants) {
  describeBackendConformance(`wasm, ${name}`, () => wasm, { describe, it });
}

describe.each(variants)('WasmBackend (%s)', (name, wasm) => {
  const own = (t: Tensor): Tensor => {
    const copy = new Tensor(wasm.allocate(t.size), t.shape);
    copy.data.set(t.data);
    return copy;
  };

  it('is the variant it was asked for, and starts its workers', async () => {
    await wasm.ready();
    expect(wasm.relaxedSimd).toBe(name.startsWith('relaxed'));
    expect(wasm.sharedMemory).toBe(name.includes('shared'));
    // Plain memory has no workers, whatever was asked.
    expect(wasm.threads).toBe(name.includes('two threads') ? 2 : 1);
  });

  for (const [m, k, n] of SHAPES) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        it(`matmul [${m}x${k}]·[${k}x${n}] transA=${transA} transB=${transB}`, () => {
          const a = transA ? random(k, m) : random(m, k);
          const b = transB ? random(n, k) : random(k, n);
          const want = reference.matmul(a, b, Tensor.zeros([m, n]), transA, transB);
          expectClose(wasm.matmul(a, b, Tensor.filled([m, n], Number.NaN), transA, transB), want);
          const inPlace = own(Tensor.filled([m, n], Number.NaN));
          expectClose(wasm.matmul(own(a), own(b), inPlace, transA, transB), want);
        });
      }
    }
  }

  for (const act of ACTIVATIONS) {
    it(`dense with fused bias and ${act}`, () => {
      for (const [m, k, n] of SHAPES) {
        const x = random(m, k);
        const w = random(k, n);
        const bias = random(1, n).sliceRows(0, 1);
        const b1 = new Tensor(bias.data, [n]);
        const want = reference.dense(x, w, b1, Tensor.zeros([m, n]), act, 0.2);
        expectClose(wasm.dense(x, w, b1, Tensor.zeros([m, n]), act, 0.2), want);
        expectClose(wasm.dense(own(x), own(w), own(b1), own(Tensor.zeros([m, n])), act, 0.2), want);
      }
    });

    it(`${act} and its derivative, in place too`, () => {
      for (const size of [1, 3, 4, 7, 64, 1001]) {
        const x = random(1, size);
        const y = reference.activation(act, x, Tensor.zeros([1, size]), 0.3);
        expectClose(wasm.activation(act, x, Tensor.zeros([1, size]), 0.3), y);
        const dy = random(1, size);
        const want = reference.activationBackward(act, y, dy, Tensor.zeros([1, size]), 0.3);
        expectClose(wasm.activationBackward(act, y, dy, Tensor.zeros([1, size]), 0.3), want);
        const g = own(dy);
        wasm.activationBackward(act, own(y), g, g, 0.3);
        expectClose(g, want);
        const xs = own(x);
        wasm.activation(act, xs, xs, 0.3);
        expectClose(xs, y);
      }
    });
  }

  it('adds a bias and sums columns like the reference', () => {
    for (const [rows, cols] of [
      [1, 1],
      [3, 5],
      [17, 8],
      [128, 257],
    ] as const) {
      const x = random(rows, cols);
      const bias = new Tensor(random(1, cols).data, [cols]);
      const want = reference.addBias(x, bias, Tensor.zeros([rows, cols]));
      expectClose(wasm.addBias(x, bias, Tensor.zeros([rows, cols])), want);
      const xs = own(x);
      expectClose(wasm.addBias(xs, own(bias), xs), want);
      const sums = reference.sumColumns(x, Tensor.zeros([cols]));
      expectClose(wasm.sumColumns(x, Tensor.zeros([cols])), sums);
      expectClose(wasm.sumColumns(own(x), own(Tensor.zeros([cols]))), sums);
    }
  });

  it('takes Adam steps like the reference, in wasm memory and on plain arrays', () => {
    for (const size of [1, 7, 8, 1001]) {
      for (const inWasm of [true, false]) {
        const start = random(1, size);
        const w = inWasm ? own(start) : start.clone();
        const m = inWasm ? own(Tensor.zeros([1, size])) : Tensor.zeros([1, size]);
        const v = inWasm ? own(Tensor.zeros([1, size])) : Tensor.zeros([1, size]);
        const [rw, rm, rv] = [start.clone(), Tensor.zeros([1, size]), Tensor.zeros([1, size])];
        for (let t = 1; t <= 5; t++) {
          const g = random(1, size);
          const step = {
            rate: 0.01,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
            correction1: 1 - 0.9 ** t,
            correction2: 1 - 0.999 ** t,
          };
          wasm.adamUpdate(w.data, g.data, m.data, v.data, step);
          reference.adamUpdate(rw.data, g.data, rm.data, rv.data, step);
        }
        expectClose(w, rw, 1e-6);
        expectClose(m, rm, 1e-6);
        expectClose(v, rv, 1e-6);
      }
    }
    expect(() =>
      wasm.adamUpdate(
        new Float32Array(3),
        new Float32Array(2),
        new Float32Array(3),
        new Float32Array(3),
        {
          rate: 1,
          beta1: 0.9,
          beta2: 0.999,
          epsilon: 1e-8,
          correction1: 0.1,
          correction2: 0.001,
        },
      ),
    ).toThrow(/w, g, m and v hold 3, 2, 3 and 3 values/);
  });

  it('routes max-pool gradients bit for bit as the reference, with NaN, -0 and ties', () => {
    const pools: Pool2DGeometryOptions[] = [
      { inputShape: [6, 6, 8], poolSize: 2 },
      { inputShape: [5, 7, 5], poolSize: 2 },
      { inputShape: [7, 8, 6], poolSize: [2, 3], strides: [3, 3] },
      { inputShape: [5, 6, 5], poolSize: 3, strides: 3, padding: 'same' },
      { inputShape: [6, 5, 4], poolSize: 3, strides: 2, padding: 'same' },
    ];
    const rng = new Rng(12);
    for (const options of pools) {
      const g = pool2dGeometry(options);
      const x = Tensor.zeros([2, g.inHeight, g.inWidth, g.inChannels]);
      // Few distinct values, so windows tie, with NaN and both zeros among them.
      const values = [Number.NaN, -0, 0, 1, 1, 2, -1];
      for (let i = 0; i < x.size; i++) x.data[i] = values[Math.floor(rng.uniform() * 7)]!;
      const dy = Tensor.zeros([2, g.outHeight, g.outWidth, g.inChannels]);
      for (let i = 0; i < dy.size; i++) dy.data[i] = i % 5 === 0 ? -0 : rng.normal();
      const want = reference.maxPool2dBackward(x, dy, g, Tensor.filled(x.shape, 7));
      for (const got of [
        wasm.maxPool2dBackward(x, dy, g, Tensor.filled(x.shape, 7)),
        wasm.maxPool2dBackward(own(x), own(dy), g, own(Tensor.filled(x.shape, 7))),
      ]) {
        expect(Buffer.from(got.data.buffer, got.data.byteOffset, got.data.byteLength)).toEqual(
          Buffer.from(want.data.buffer),
        );
      }
    }
  });

  it('names the mismatch on bad shapes', () => {
    expect(() => wasm.matmul(random(2, 3), random(4, 5), Tensor.zeros([2, 5]))).toThrow(
      /inner dimensions differ: a is \[2, 3\], b is \[4, 5\]/,
    );
    expect(() =>
      wasm.dense(random(2, 3), random(3, 4), Tensor.zeros([3]), Tensor.zeros([2, 4])),
    ).toThrow(/bias has 3 values, expected one per column \(4\)/);
    expect(() =>
      wasm.activation('softplus' as ActivationKind, random(1, 2), Tensor.zeros([1, 2])),
    ).toThrow(/unknown activation 'softplus'/);
  });
});

describe.each(relaxed ? [false, true] : [false])(
  'WasmBackend threads (relaxed SIMD: %s)',
  (relaxedSimd) => {
    const single = createWasmVariant({ threads: 1 }, { relaxedSimd });
    const threaded = createWasmVariant({ threads: 2 }, { relaxedSimd });
    threaded.threadThreshold = 0;
    threaded.threadPolicy = undefined;
    beforeAll(() => threaded.ready());
    afterAll(() => threaded.dispose());

    it('gives bit-identical products on one and two threads', () => {
      for (const [m, k, n] of [
        [128, 784, 256],
        [784, 128, 256],
        [6, 50, 300],
        [300, 40, 5],
      ] as const) {
        const a = random(m, k);
        const b = random(k, n);
        const one = single.matmul(a, b, Tensor.zeros([m, n]));
        const two = threaded.matmul(a, b, Tensor.zeros([m, n]));
        expect(Buffer.from(two.data.buffer).equals(Buffer.from(one.data.buffer))).toBe(true);
      }
    });
  },
);
