import type { ActivationKind, Backend } from './backend.js';
import type { ConformanceCase } from './conformance.js';
import {
  type Conv2DGeometry,
  type Conv2DGeometryOptions,
  conv2dGeometry,
  type Pool2DGeometryOptions,
  pool2dGeometry,
} from './conv-geometry.js';
import { JsBackend } from './js-backend.js';
import { Rng } from './rng.js';
import { Tensor } from './tensor.js';

/**
 * The conformance cases of the convolution and pooling ops (see conformance.ts): each
 * op against the reference on the edge geometries of a 2-D window: 1×1 kernels, stride
 * larger than the kernel, dilation (also far larger than the input), 'same' with an odd
 * cell of padding, one channel, batch 1 and batch 0, non-square everything, and LeNet's
 * shapes, around the gemm's 4-row and 8-column tiles.
 */

/** [name, batch, options]. */
const CONVS: [string, number, Conv2DGeometryOptions][] = [
  ['1×1', 3, { inputShape: [4, 5, 3], kernelSize: 1, filters: 9 }],
  ['1×1 stride 2', 2, { inputShape: [5, 5, 4], kernelSize: 1, filters: 3, strides: 2 }],
  ['stride > kernel', 2, { inputShape: [9, 8, 2], kernelSize: 2, filters: 5, strides: 3 }],
  ['dilation 2', 2, { inputShape: [9, 9, 3], kernelSize: 3, filters: 8, dilationRate: 2 }],
  [
    "'same', odd padding",
    2,
    { inputShape: [6, 7, 5], kernelSize: [4, 2], filters: 7, padding: 'same' },
  ],
  [
    "'same', stride 2",
    1,
    { inputShape: [7, 8, 3], kernelSize: 3, filters: 4, strides: 2, padding: 'same' },
  ],
  ['one channel in and out', 3, { inputShape: [8, 8, 1], kernelSize: 3, filters: 1 }],
  [
    'batch 1, non-square',
    1,
    {
      inputShape: [9, 6, 2],
      kernelSize: [3, 2],
      filters: 6,
      strides: [2, 1],
      dilationRate: [1, 2],
      padding: [1, 2, 0, 1],
    },
  ],
  ['batch 0', 0, { inputShape: [5, 5, 2], kernelSize: 3, filters: 3 }],
  // Dilations far beyond the input: only the taps that land inside it are read.
  [
    "dilation 1000, 'same'",
    2,
    { inputShape: [6, 6, 3], kernelSize: 3, filters: 4, dilationRate: 1000, padding: 'same' },
  ],
  [
    "dilation [7, 300], 'same', stride 2",
    3,
    {
      inputShape: [9, 8, 5],
      kernelSize: [2, 3],
      filters: 9,
      strides: 2,
      dilationRate: [7, 300],
      padding: 'same',
    },
  ],
  [
    "dilation 5, 'valid', stride [1, 2]",
    1,
    { inputShape: [13, 17, 2], kernelSize: 3, filters: 12, strides: [1, 2], dilationRate: 5 },
  ],
  [
    'dilation 40, padding larger than the input',
    2,
    {
      inputShape: [5, 7, 1],
      kernelSize: 2,
      filters: 1,
      dilationRate: 40,
      padding: [20, 21, 38, 2],
    },
  ],
  ['LeNet conv 1', 2, { inputShape: [28, 28, 1], kernelSize: 5, filters: 8 }],
  ['LeNet conv 2', 3, { inputShape: [12, 12, 8], kernelSize: 5, filters: 16 }],
];

const POOLS: [string, number, Pool2DGeometryOptions][] = [
  ['2×2', 2, { inputShape: [8, 8, 8], poolSize: 2 }],
  ['2×2, odd size', 3, { inputShape: [7, 5, 3], poolSize: 2 }],
  ["3×3 stride 2 'same'", 2, { inputShape: [7, 6, 5], poolSize: 3, strides: 2, padding: 'same' }],
  [
    "overlapping [2, 3] 'same'",
    1,
    { inputShape: [5, 7, 1], poolSize: [2, 3], strides: [1, 2], padding: 'same' },
  ],
  ['stride > pool', 2, { inputShape: [8, 7, 4], poolSize: 2, strides: 3 }],
  ['1×1', 1, { inputShape: [3, 2, 6], poolSize: 1 }],
  ['batch 0', 0, { inputShape: [4, 4, 2], poolSize: 2 }],
];

/** Relative error allowed per term of a sum (absolute below 1 in magnitude). */
const PER_TERM = 1e-4;

export function convolutionCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const add = (name: string, run: (b: Backend, ref: Backend) => void) =>
    cases.push({ name, run: (b) => run(b, new JsBackend()) });

  for (const [name, n, options] of CONVS) {
    const g = conv2dGeometry(options);
    const s = shapes(n, g);
    // Forward sums k terms; the input gradient up to taps·filters; the kernel gradient
    // one per output cell.
    const k = g.kernelHeight * g.kernelWidth * g.inChannels;
    const forward = PER_TERM * Math.sqrt(k);
    const input = PER_TERM * Math.sqrt(g.kernelHeight * g.kernelWidth * g.outChannels);
    const kernel = PER_TERM * Math.sqrt(Math.max(1, n * g.outHeight * g.outWidth));
    const acts: [ActivationKind, boolean][] = [
      ['linear', false],
      ['relu', true],
      ['leakyRelu', true],
      ['tanh', true],
    ];
    add(`conv2d ${name}`, (b, ref) => {
      const [x, w, bias] = [nhwc(b, s.x, 1), nhwc(b, s.kernel, 2), nhwc(b, [g.outChannels], 3)];
      for (const [act, withBias] of acts) {
        const beta = withBias ? bias : undefined;
        same(
          `conv2d ${act}${withBias ? ' with bias' : ''}`,
          b.conv2d(x, w, beta, g, nan(b, s.y), act, 0.1),
          ref.conv2d(x, w, beta, g, nan(ref, s.y), act, 0.1),
          forward,
        );
      }
    });
    add(`conv2d gradients ${name}`, (b, ref) => {
      const [x, w, dy] = [nhwc(b, s.x, 4), nhwc(b, s.kernel, 5), nhwc(b, s.y, 6)];
      same(
        'conv2dBackwardInput',
        b.conv2dBackwardInput(dy, w, g, nan(b, s.x)),
        ref.conv2dBackwardInput(dy, w, g, nan(ref, s.x)),
        input,
      );
      const grads = (be: Backend) => {
        const [dk, db] = [nan(be, s.kernel), nan(be, [g.outChannels])];
        be.conv2dBackwardKernel(x, dy, g, dk, db);
        return [dk, db] as const;
      };
      const [got, want] = [grads(b), grads(ref)];
      same('conv2dBackwardKernel', got[0], want[0], kernel);
      same('conv2dBackwardKernel dBias', got[1], want[1], kernel);
      same(
        'conv2dBackwardKernel without dBias',
        b.conv2dBackwardKernel(x, dy, g, nan(b, s.kernel)),
        want[0],
        kernel,
      );
    });
  }

  for (const [name, n, options] of POOLS) {
    const g = pool2dGeometry(options);
    const s = shapes(n, g);
    for (const ties of [false, true]) {
      // Values rounded to integers tie often: the first maximum of a window must win.
      const label = `${name}${ties ? ', with ties' : ''}`;
      add(`maxPool2d ${label}`, (b, ref) => {
        const [x, dy] = [nhwc(b, s.x, 7, ties), nhwc(b, s.y, 8)];
        same('maxPool2d', b.maxPool2d(x, g, nan(b, s.y)), ref.maxPool2d(x, g, nan(ref, s.y)), 0);
        same(
          'maxPool2dBackward',
          b.maxPool2dBackward(x, dy, g, nan(b, s.x)),
          ref.maxPool2dBackward(x, dy, g, nan(ref, s.x)),
          0,
        );
      });
    }
    add(`avgPool2d ${name}`, (b, ref) => {
      const [x, dy] = [nhwc(b, s.x, 9), nhwc(b, s.y, 10)];
      const tol = PER_TERM * g.kernelHeight * g.kernelWidth;
      same('avgPool2d', b.avgPool2d(x, g, nan(b, s.y)), ref.avgPool2d(x, g, nan(ref, s.y)), tol);
      same(
        'avgPool2dBackward',
        b.avgPool2dBackward(dy, g, nan(b, s.x)),
        ref.avgPool2dBackward(dy, g, nan(ref, s.x)),
        tol,
      );
    });
  }

  for (const [n, h, w, c] of [
    [2, 3, 4, 5],
    [1, 1, 1, 1],
    [3, 7, 7, 16],
  ] as const) {
    add(`globalAvgPool2d ${n}×${h}×${w}×${c}`, (b, ref) => {
      const [x, dy] = [nhwc(b, [n, h, w, c], 11), nhwc(b, [n, c], 12)];
      const tol = PER_TERM * Math.sqrt(h * w);
      same(
        'globalAvgPool2d',
        b.globalAvgPool2d(x, nan(b, [n, c])),
        ref.globalAvgPool2d(x, nan(ref, [n, c])),
        tol,
      );
      same(
        'globalAvgPool2dBackward',
        b.globalAvgPool2dBackward(dy, nan(b, [n, h, w, c])),
        ref.globalAvgPool2dBackward(dy, nan(ref, [n, h, w, c])),
        tol,
      );
    });
  }
  return cases;
}

function shapes(n: number, g: Conv2DGeometry) {
  return {
    x: [n, g.inHeight, g.inWidth, g.inChannels],
    y: [n, g.outHeight, g.outWidth, g.outChannels],
    kernel: [g.kernelHeight, g.kernelWidth, g.inChannels, g.outChannels],
  };
}

/** Seeded standard normals in the backend's memory; rounded to integers for `ties`. */
function nhwc(b: Backend, shape: number[], seed: number, ties = false): Tensor {
  const rng = new Rng(seed * 7919 + shape.reduce((p, d) => p * 31 + d, 0));
  const t = new Tensor(b.allocate(shape.reduce((p, d) => p * d, 1)), shape);
  for (let i = 0; i < t.size; i++) {
    const v = rng.normal();
    t.data[i] = ties ? Math.round(v) : v;
  }
  return t;
}

/** An output filled with NaN, so a value an op fails to write shows. */
function nan(b: Backend, shape: number[]): Tensor {
  const t = new Tensor(b.allocate(shape.reduce((p, d) => p * d, 1)), shape);
  t.data.fill(Number.NaN);
  return t;
}

function same(what: string, got: Tensor, want: Tensor, tol: number): void {
  if (got.size !== want.size) {
    throw new Error(`${what}: got ${got.size} values, expected ${want.size}`);
  }
  for (let i = 0; i < want.size; i++) {
    const [g, w] = [got.data[i]!, want.data[i]!];
    if (!(Math.abs(g - w) <= tol * Math.max(1, Math.abs(w)))) {
      throw new Error(`${what}: element ${i} is ${g}, expected ${w} (tolerance ${tol})`);
    }
  }
}
