/**
 * The backend conformance suite: every op of `Backend` against the reference JsBackend on
 * edge shapes (1×1, odd sizes, sizes not a multiple of 4 or 8, zero rows where an op
 * allows them, large values), with a tolerance per op family. A backend joins with one
 * line in a test file:
 *
 *     describeBackendConformance('mine', () => new MyBackend(), { describe, it });
 *
 * It takes the test runner's `describe` and `it` as arguments, so this entry does not
 * import vitest or any other runner, and the main entry does not carry the suite.
 *
 * @module @neunet/tensor/conformance
 */
import { activationKinds } from './activations.js';
import type { Backend, LossKind, ReduceKind } from './backend.js';
import { convolutionCases } from './conformance-conv.js';
import { JsBackend } from './js-backend.js';
import { Rng } from './rng.js';
import { Tensor } from './tensor.js';

/** The two functions of a test runner (vitest, jest, mocha, node:test) the suite uses. */
export interface TestRunner {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => void): void;
}

export interface ConformanceCase {
  /** The op and the shape it runs on. */
  readonly name: string;
  /** Throws an error naming the first element out of tolerance. */
  run(backend: Backend): void;
}

/** [rows, cols]: around the 4-row and 8-column tiles, and zero rows. */
const SHAPES: readonly [number, number][] = [
  [1, 1],
  [1, 7],
  [3, 5],
  [4, 8],
  [7, 13],
  [9, 33],
];
const WITH_EMPTY: readonly [number, number][] = [...SHAPES, [0, 5]];

/** Relative tolerances per op family (absolute below 1 in magnitude, relative above). */
const TOL = {
  /** One rounding of an f32 result. */
  elementwise: 1e-6,
  /** Sums of up to a few hundred terms, in f32 or f64 order. */
  reduce: 1e-5,
  /** exp/log/tanh approximations. */
  transcendental: 2e-5,
  /** matmul and dense: k products per element. */
  product: 1e-4,
  /** Batch statistics and their backward pass. */
  batchNorm: 1e-4,
  optimizer: 1e-5,
};

/** Registers one test per conformance case, in a `describe` block named after the backend. */
export function describeBackendConformance(
  name: string,
  createBackend: () => Backend,
  runner: TestRunner,
): void {
  runner.describe(`backend conformance: ${name}`, () => {
    for (const c of conformanceCases()) runner.it(c.name, () => c.run(createBackend()));
  });
}

/** The cases, for a runner that does not fit `TestRunner`; each creates its own data. */
export function conformanceCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const add = (name: string, run: (b: Backend, ref: Backend) => void) =>
    cases.push({ name, run: (b) => run(b, new JsBackend()) });

  for (const [r, c] of WITH_EMPTY) {
    const shape = `${r}×${c}`;
    for (const op of ['add', 'sub', 'mul', 'maximum'] as const) {
      add(`${op} ${shape}`, (b, ref) => {
        const [x, y] = [data(b, r, c, 1), data(b, r, c, 2)];
        same(op, b[op](x, y, out(b, r, c)), ref[op](x, y, out(ref, r, c)), TOL.elementwise);
      });
    }
    add(`scale, axpy, clamp ${shape}`, (b, ref) => {
      const [x, y] = [data(b, r, c, 3, 1e4), data(b, r, c, 4)];
      same(
        'scale',
        b.scale(x, -0.3, out(b, r, c)),
        ref.scale(x, -0.3, out(ref, r, c)),
        TOL.elementwise,
      );
      same(
        'axpy',
        b.axpy(0.7, x, y, out(b, r, c)),
        ref.axpy(0.7, x, y, out(ref, r, c)),
        TOL.elementwise,
      );
      same('clamp', b.clamp(x, 0.5, out(b, r, c)), ref.clamp(x, 0.5, out(ref, r, c)), 0);
      near('sumSquares', b.sumSquares(x, 2), ref.sumSquares(x, 2), TOL.reduce);
      near('firstNonFinite', b.firstNonFinite(x), -1, 0);
      for (const bad of [Number.NaN, Number.NEGATIVE_INFINITY]) {
        for (const at of new Set([Math.floor((r * c) / 2), r * c - 1])) {
          if (at < 0 || at >= r * c) continue;
          const z = data(b, r, c, 3);
          z.data[at] = bad;
          if (at > 0) z.data[at - 1] = 3e38;
          near(`firstNonFinite ${bad} at ${at}`, b.firstNonFinite(z), at, 0);
        }
      }
    });
    for (const kind of activationKinds) {
      add(`activation ${kind} ${shape}`, (b, ref) => {
        const [x, dy] = [data(b, r, c, 8, 10), data(b, r, c, 9)];
        const y = ref.activation(kind, x, out(ref, r, c), 0.2);
        same('activation', b.activation(kind, x, out(b, r, c), 0.2), y, TOL.transcendental);
        same(
          'activationBackward',
          b.activationBackward(kind, y, dy, out(b, r, c), 0.2),
          ref.activationBackward(kind, y, dy, out(ref, r, c), 0.2),
          TOL.transcendental,
        );
      });
    }
    add(`dropout ${shape}`, (b, ref) => {
      const x = data(b, r, c, 10);
      const [mb, mr] = [out(b, r, c), out(ref, r, c)];
      same(
        'dropout',
        b.dropout(x, 0.3, new Rng(4), mb, out(b, r, c)),
        ref.dropout(x, 0.3, new Rng(4), mr, out(ref, r, c)),
        0,
      );
      same('dropout mask', mb, mr, 0);
    });
    add(`optimizer updates ${shape}`, (b, ref) => {
      const step = {
        rate: 0.01,
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-7,
        correction1: 0.19,
        correction2: 0.002,
      };
      const run = (be: Backend, which: number) => {
        const [W, G, M, V] = [
          data(be, r, c, 1),
          data(be, r, c, 2, 5),
          data(be, r, c, 3),
          abs(data(be, r, c, 11)),
        ];
        if (which === 0) be.sgdUpdate(W.data, G.data, undefined, 0.1, 0, false);
        if (which === 1) be.sgdUpdate(W.data, G.data, M.data, 0.1, 0.9, false);
        if (which === 2) be.sgdUpdate(W.data, G.data, M.data, 0.1, 0.9, true);
        if (which === 3) be.rmspropUpdate(W.data, G.data, V.data, 0.01, 0.9, 1e-7);
        if (which === 4) be.adagradUpdate(W.data, G.data, V.data, 0.01, 1e-7);
        if (which === 5) be.adamUpdate(W.data, G.data, M.data, V.data, step);
        return [W, M, V];
      };
      for (let which = 0; which < 6; which++) {
        const [got, want] = [run(b, which), run(ref, which)];
        for (let k = 0; k < 3; k++)
          same(`optimizer ${which} array ${k}`, got[k]!, want[k]!, TOL.optimizer);
      }
    });
    add(`gatherRows ${shape}`, (b, ref) => {
      // Rows of [r, c] and of [r, 2, c] (a row is every value of a sample), in a
      // shuffled order with repeats; none when r is 0.
      const picked = Int32Array.from({ length: r === 0 ? 0 : r + 1 }, (_, i) => (i * 5 + 3) % r);
      const flat = data(b, r, 2 * c, 29);
      for (const src of [data(b, r, c, 28), new Tensor(flat.data, [r, 2, c])]) {
        const shapeOut = [picked.length, ...src.shape.slice(1)];
        const into = (be: Backend) =>
          new Tensor(be.allocate(shapeOut.reduce((x, y) => x * y, 1)), shapeOut);
        const got = b.gatherRows(src, picked, into(b));
        same('gatherRows', got, ref.gatherRows(src, picked, into(ref)), 0);
      }
      if (r > 0) {
        const bad = Int32Array.from([0, r]);
        const x = data(b, r, c, 30);
        throws('gatherRows out of range', /outside/, () => b.gatherRows(x, bad, out(b, 2, c)));
      }
    });
    // A [0, c] tensor has no column count (Tensor.cols is 0/0): row-wise ops stop here.
    if (r === 0) continue;
    for (const kind of ['sum', 'mean', 'max'] as ReduceKind[]) {
      add(`reduce ${kind} ${shape}`, (b, ref) => {
        const x = data(b, r, c, 5, 100);
        same(
          'reduceRows',
          b.reduceRows(kind, x, out(b, r, 1)),
          ref.reduceRows(kind, x, out(ref, r, 1)),
          TOL.reduce,
        );
        same(
          'reduceColumns',
          b.reduceColumns(kind, x, out(b, 1, c)),
          ref.reduceColumns(kind, x, out(ref, 1, c)),
          TOL.reduce,
        );
      });
    }
    add(`addBias, sumColumns, sumRows ${shape}`, (b, ref) => {
      const [x, bias] = [data(b, r, c, 6), data(b, 1, c, 7)];
      same(
        'addBias',
        b.addBias(x, bias, out(b, r, c)),
        ref.addBias(x, bias, out(ref, r, c)),
        TOL.elementwise,
      );
      same(
        'sumColumns',
        b.sumColumns(x, out(b, 1, c)),
        ref.sumColumns(x, out(ref, 1, c)),
        TOL.reduce,
      );
      same('sumRows', b.sumRows(x, out(b, r, 1)), ref.sumRows(x, out(ref, r, 1)), TOL.reduce);
    });
    add(`matmul and dense ${shape}`, (b, ref) => {
      const k = c + 2;
      const [a, w, at, wt, bias] = [
        data(b, r, k, 12),
        data(b, k, c, 13),
        data(b, k, r, 14),
        data(b, c, k, 15),
        data(b, 1, c, 16),
      ];
      const tol = TOL.product * Math.sqrt(k);
      same('matmul', b.matmul(a, w, out(b, r, c)), ref.matmul(a, w, out(ref, r, c)), tol);
      same(
        'matmul ᵀ·',
        b.matmul(at, w, out(b, r, c), true),
        ref.matmul(at, w, out(ref, r, c), true),
        tol,
      );
      same(
        'matmul ·ᵀ',
        b.matmul(a, wt, out(b, r, c), false, true),
        ref.matmul(a, wt, out(ref, r, c), false, true),
        tol,
      );
      same(
        'dense',
        b.dense(a, w, bias, out(b, r, c), 'leakyRelu', 0.1),
        ref.dense(a, w, bias, out(ref, r, c), 'leakyRelu', 0.1),
        tol,
      );
    });
    add(`softmax, argmax ${shape}`, (b, ref) => {
      const [x, dy] = [data(b, r, c, 17, 50), data(b, r, c, 18)];
      const y = ref.softmaxRows(x, out(ref, r, c));
      same('softmaxRows', b.softmaxRows(x, out(b, r, c)), y, TOL.transcendental);
      same(
        'softmaxBackward',
        b.softmaxBackward(y, dy, out(b, r, c)),
        ref.softmaxBackward(y, dy, out(ref, r, c)),
        TOL.reduce,
      );
      const [ab, ar] = [b.argmaxRows(x, new Int32Array(r)), ref.argmaxRows(x, new Int32Array(r))];
      for (let i = 0; i < r; i++)
        if (ab[i] !== ar[i])
          throw new Error(`argmaxRows row ${i}: got ${ab[i]}, expected ${ar[i]}`);
    });
    add(`losses ${shape}`, (b, ref) => {
      const p = probabilities(ref.softmaxRows(data(b, r, c, 19, 5), out(b, r, c)));
      const soft = abs(data(b, r, c, 20));
      const labels = new Int32Array(r).map((_, i) => (i * 7) % c);
      const kinds: [LossKind, Float32Array | Int32Array][] = [
        ['meanSquared', soft.data],
        ['meanAbsolute', soft.data],
        ['binaryCrossEntropy', soft.data.map((v) => Math.min(v, 1))],
        ['crossEntropy', soft.data],
        ['crossEntropy', labels],
      ];
      for (const [kind, y] of kinds) {
        near(`loss ${kind}`, b.loss(kind, p, y), ref.loss(kind, p, y), TOL.transcendental);
        same(
          `lossBackward ${kind}`,
          b.lossBackward(kind, p, y, out(b, r, c)),
          ref.lossBackward(kind, p, y, out(ref, r, c)),
          TOL.elementwise,
        );
      }
      for (const y of [soft.data, labels]) {
        same(
          'softmaxCrossEntropyBackward',
          b.softmaxCrossEntropyBackward(p, y, out(b, r, c)),
          ref.softmaxCrossEntropyBackward(p, y, out(ref, r, c)),
          TOL.elementwise,
        );
      }
      same(
        'sigmoidCrossEntropyBackward',
        b.sigmoidCrossEntropyBackward(p, soft.data, out(b, r, c)),
        ref.sigmoidCrossEntropyBackward(p, soft.data, out(ref, r, c)),
        TOL.elementwise,
      );
      // The metrics: class indices or target rows (p ≥ 0.5 decides with one column).
      for (const y of [labels, soft.data, p.data.map((v) => (v > 0.3 ? 1 : 0))]) {
        near('metricSum correct', b.metricSum('correct', p, y), ref.metricSum('correct', p, y), 0);
      }
      for (const y of c === 1 ? [soft.data, labels] : [soft.data]) {
        const [got, want] = [b, ref].map((be) => be.metricSum('absoluteError', p, y));
        near('metricSum absoluteError', got!, want!, TOL.reduce);
      }
      near('penalty', b.penalty(soft, 0.01, 0.02), ref.penalty(soft, 0.01, 0.02), TOL.reduce);
      same(
        'penaltyBackward',
        b.penaltyBackward(soft, 0.01, 0.02, data(b, r, c, 21)),
        ref.penaltyBackward(soft, 0.01, 0.02, data(ref, r, c, 21)),
        TOL.elementwise,
      );
    });
    for (const training of [true, false]) {
      add(`batchNorm ${training ? 'training' : 'inference'} ${shape}`, (b, ref) => {
        const [x, gamma, beta, dy] = [
          data(b, r, c, 22, 1e3),
          data(b, 1, c, 23),
          data(b, 1, c, 24),
          data(b, r, c, 25),
        ];
        const state = (be: Backend) => ({
          runningMean: data(be, 1, c, 26).data,
          runningVar: abs(data(be, 1, c, 27)).data,
          momentum: 0.9,
          epsilon: 1e-5,
          invStd: new Float64Array(c),
          xHat: out(be, r, c),
        });
        const [sb, sr] = [state(b), state(ref)];
        same(
          'batchNorm',
          b.batchNorm(x, gamma, beta, sb, training, out(b, r, c)),
          ref.batchNorm(x, gamma, beta, sr, training, out(ref, r, c)),
          TOL.batchNorm,
        );
        same('batchNorm runningVar', wrap(sb.runningVar), wrap(sr.runningVar), TOL.batchNorm);
        const grads = (be: Backend, s: ReturnType<typeof state>) => {
          const [dx, dg, db] = [out(be, r, c), out(be, 1, c), out(be, 1, c)];
          be.batchNormBackward(dy, gamma, s, training, dx, dg, db);
          return [dx, dg, db];
        };
        const [gb, gr] = [grads(b, sb), grads(ref, sr)];
        for (let k = 0; k < 3; k++) same(`batchNormBackward ${k}`, gb[k]!, gr[k]!, TOL.batchNorm);
      });
    }
  }
  cases.push(...convolutionCases());
  return cases;
}

/** Seeded values in the backend's memory: standard normal times `scale`. */
function data(b: Backend, rows: number, cols: number, seed: number, scale = 1): Tensor {
  const rng = new Rng(seed * 1000 + rows * 31 + cols);
  const d = b.allocate(rows * cols);
  for (let i = 0; i < d.length; i++) d[i] = rng.normal() * scale;
  return new Tensor(d, [rows, cols]);
}

function out(b: Backend, rows: number, cols: number): Tensor {
  return new Tensor(b.allocate(rows * cols), [rows, cols]);
}

function wrap(d: Float32Array): Tensor {
  return new Tensor(d, [1, d.length]);
}

function abs(t: Tensor): Tensor {
  for (let i = 0; i < t.size; i++) t.data[i] = Math.abs(t.data[i]!) + 0.01;
  return t;
}

/** Some probabilities pushed into the clipped range, so the clipping branches are checked. */
function probabilities(p: Tensor): Tensor {
  if (p.size > 1) p.data[0] = 0;
  return p;
}

function throws(what: string, message: RegExp, run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (message.test((error as Error).message)) return;
    throw new Error(`${what}: threw '${(error as Error).message}', expected ${message}`);
  }
  throw new Error(`${what}: did not throw`);
}

function near(what: string, got: number, want: number, tol: number): void {
  if (!(Math.abs(got - want) <= tol * Math.max(1, Math.abs(want))) && !(got === want)) {
    throw new Error(`${what}: got ${got}, expected ${want} (tolerance ${tol})`);
  }
}

function same(what: string, got: Tensor, want: Tensor, tol: number): void {
  if (got.size !== want.size)
    throw new Error(`${what}: got ${got.size} values, expected ${want.size}`);
  for (let i = 0; i < want.size; i++) {
    const [g, w] = [got.data[i]!, want.data[i]!];
    if (!(Math.abs(g - w) <= tol * Math.max(1, Math.abs(w))) && !Object.is(g, w)) {
      throw new Error(`${what}: element ${i} is ${g}, expected ${w} (tolerance ${tol})`);
    }
  }
}
