import { describe, expect, it } from 'vitest';
import {
  type Conv2DGeometry,
  type Conv2DGeometryOptions,
  conv2dGeometry,
  type Pool2DGeometryOptions,
  pool2dGeometry,
} from '../src/conv-geometry.js';
import { JsBackend } from '../src/js-backend.js';
import { Rng } from '../src/rng.js';
import { Tensor } from '../src/tensor.js';
import {
  dot,
  expectNear,
  finiteDifferences,
  naiveConv2d,
  naivePool,
  randomTensor,
} from './conv-check.js';

const js = new JsBackend();

/** [name, batch, geometry options]: the edge geometries of issue 12. */
const CONVS: [string, number, Conv2DGeometryOptions][] = [
  ['1×1 kernel', 2, { inputShape: [4, 5, 3], kernelSize: 1, filters: 4 }],
  ['stride > kernel', 2, { inputShape: [7, 8, 2], kernelSize: 2, filters: 3, strides: 3 }],
  ['dilation 2', 1, { inputShape: [7, 7, 2], kernelSize: 3, filters: 2, dilationRate: 2 }],
  [
    "'same' with odd padding",
    2,
    { inputShape: [5, 6, 2], kernelSize: [4, 2], filters: 3, padding: 'same' },
  ],
  [
    "'same' with stride 2",
    1,
    { inputShape: [6, 7, 3], kernelSize: 3, filters: 2, strides: 2, padding: 'same' },
  ],
  ['single channel', 3, { inputShape: [6, 6, 1], kernelSize: 3, filters: 1 }],
  [
    'batch 1, non-square everything',
    1,
    {
      inputShape: [7, 5, 2],
      kernelSize: [3, 2],
      filters: 5,
      strides: [2, 1],
      dilationRate: [1, 2],
      padding: 'same',
    },
  ],
  [
    'explicit padding',
    1,
    { inputShape: [4, 4, 2], kernelSize: 3, filters: 2, padding: [2, 0, 1, 2] },
  ],
];

const POOLS: [string, number, Pool2DGeometryOptions][] = [
  ['2×2', 2, { inputShape: [6, 6, 3], poolSize: 2 }],
  [
    "3×3 stride 2 'same' (odd padding)",
    1,
    { inputShape: [7, 6, 2], poolSize: 3, strides: 2, padding: 'same' },
  ],
  [
    "overlapping [2, 3] 'same'",
    2,
    { inputShape: [5, 7, 1], poolSize: [2, 3], strides: [1, 2], padding: 'same' },
  ],
  ['stride > pool', 1, { inputShape: [8, 7, 2], poolSize: 2, strides: 3 }],
  ['1×1', 1, { inputShape: [3, 2, 4], poolSize: 1 }],
];

function shapes(n: number, g: Conv2DGeometry) {
  return {
    x: [n, g.inHeight, g.inWidth, g.inChannels],
    y: [n, g.outHeight, g.outWidth, g.outChannels],
    kernel: [g.kernelHeight, g.kernelWidth, g.inChannels, g.outChannels],
  };
}

/** Distinct values 0.1 apart in a seeded order, so a max has no near-ties for h = 1e-2. */
function distinct(shape: number[], seed: number): Tensor {
  const t = Tensor.zeros(shape);
  const order = Array.from(t.data, (_, i) => i);
  new Rng(seed).shuffle(order);
  order.forEach((v, i) => {
    t.data[i] = (v - order.length / 2) * 0.1;
  });
  return t;
}

describe('conv2dGeometry and pool2dGeometry', () => {
  it("computes TensorFlow's output sizes and 'same' split", () => {
    const g = conv2dGeometry({
      inputShape: [5, 6, 2],
      kernelSize: [4, 2],
      filters: 3,
      padding: 'same',
    });
    expect([g.outHeight, g.outWidth]).toEqual([5, 6]);
    expect([g.padTop, g.padBottom, g.padLeft, g.padRight]).toEqual([1, 2, 0, 1]);
    const s = conv2dGeometry({
      inputShape: [6, 7, 1],
      kernelSize: 3,
      filters: 1,
      strides: 2,
      padding: 'same',
    });
    expect([s.outHeight, s.outWidth, s.padTop, s.padBottom, s.padLeft, s.padRight]).toEqual([
      3, 4, 0, 1, 1, 1,
    ]);
    const v = conv2dGeometry({ inputShape: [28, 28, 1], kernelSize: 5, filters: 8 });
    expect([v.outHeight, v.outWidth, v.outChannels]).toEqual([24, 24, 8]);
    const d = conv2dGeometry({ inputShape: [7, 7, 2], kernelSize: 3, filters: 2, dilationRate: 2 });
    expect([d.outHeight, d.outWidth]).toEqual([3, 3]);
    const p = pool2dGeometry({ inputShape: [24, 24, 8], poolSize: 2 });
    expect([p.outHeight, p.outWidth, p.outChannels, p.strideHeight]).toEqual([12, 12, 8, 2]);
  });

  it('names what is wrong', () => {
    expect(() => conv2dGeometry({ inputShape: [28, 28], kernelSize: 5, filters: 8 })).toThrow(
      /inputShape is \[28, 28\]; expected one sample's \[height, width, channels\]/,
    );
    expect(() => conv2dGeometry({ inputShape: [4, 4, 1], kernelSize: 5, filters: 8 })).toThrow(
      /a 5×5 window .* does not fit the 4×4 input/,
    );
    expect(() => conv2dGeometry({ inputShape: [4, 4, 1], kernelSize: 2, filters: 0 })).toThrow(
      /filters is 0; expected an integer >= 1/,
    );
    expect(() =>
      conv2dGeometry({
        inputShape: [4, 4, 1],
        kernelSize: 2,
        filters: 1,
        padding: 'full' as 'same',
      }),
    ).toThrow(/padding is "full"; expected 'valid', 'same' or \[top, bottom, left, right\]/);
    const g = conv2dGeometry({ inputShape: [4, 4, 1], kernelSize: 2, filters: 3 });
    expect(() =>
      js.conv2d(
        Tensor.zeros([2, 4, 4, 2]),
        Tensor.zeros([2, 2, 1, 3]),
        undefined,
        g,
        Tensor.zeros([2, 3, 3, 3]),
      ),
    ).toThrow(/conv2d: the input has shape \[2, 4, 4, 2\]; expected \[batch, 4, 4, 1\]/);
    expect(() =>
      js.conv2d(
        Tensor.zeros([2, 4, 4, 1]),
        Tensor.zeros([2, 2, 1, 3]),
        undefined,
        g,
        Tensor.zeros([1, 3, 3, 3]),
      ),
    ).toThrow(/the output has shape \[1, 3, 3, 3\]; expected \[2, 3, 3, 3\]/);
    expect(() =>
      js.conv2d(
        Tensor.zeros([2, 4, 4, 1]),
        Tensor.zeros([3, 2, 1, 2]),
        undefined,
        g,
        Tensor.zeros([2, 3, 3, 3]),
      ),
    ).toThrow(/the kernel has shape \[3, 2, 1, 2\]; expected \[2, 2, 1, 3\]/);
    expect(() =>
      js.conv2d(
        Tensor.zeros([2, 4, 4, 1]),
        Tensor.zeros([2, 2, 1, 3]),
        Tensor.zeros([2]),
        g,
        Tensor.zeros([2, 3, 3, 3]),
      ),
    ).toThrow(/the bias holds 2 values; expected one per filter \(3\)/);
    expect(() => js.maxPool2d(Tensor.zeros([1, 4, 4, 1]), g, Tensor.zeros([1, 3, 3, 3]))).toThrow(
      /maps 1 channels to 3; a pooling keeps the channels/,
    );
    const wide = {
      ...pool2dGeometry({ inputShape: [4, 4, 1], poolSize: 2 }),
      padTop: 2,
      outHeight: 3,
    };
    expect(() =>
      js.avgPool2d(Tensor.zeros([1, 4, 4, 1]), wide, Tensor.zeros([1, 3, 2, 1])),
    ).toThrow(/would leave windows of padding only/);
    expect(() => js.globalAvgPool2d(Tensor.zeros([2, 3, 3, 4]), Tensor.zeros([2, 3]))).toThrow(
      /the pooled tensor has shape \[2, 3\]; expected \[2, 4\]/,
    );
  });
});

describe.each(CONVS)('reference conv2d: %s', (_name, n, options) => {
  const g = conv2dGeometry(options);
  const s = shapes(n, g);
  const x = randomTensor(s.x, 1);
  const kernel = randomTensor(s.kernel, 2);
  const bias = randomTensor([g.outChannels], 3);
  const r = randomTensor(s.y, 4);

  it('matches the naive formula, with and without bias and activation', () => {
    const want = naiveConv2d(x, kernel, bias, g);
    expectNear('conv2d', js.conv2d(x, kernel, bias, g, Tensor.zeros(s.y)).data, want, 1e-6);
    const relu = want.map((v) => Math.max(v, 0));
    expectNear(
      'conv2d relu',
      js.conv2d(x, kernel, bias, g, Tensor.zeros(s.y), 'relu').data,
      relu,
      1e-6,
    );
    const noBias = naiveConv2d(x, kernel, undefined, g);
    expectNear(
      'conv2d no bias',
      js.conv2d(x, kernel, undefined, g, Tensor.zeros(s.y)).data,
      noBias,
      1e-6,
    );
  });

  it('has input, kernel and bias gradients equal to finite differences', () => {
    const objective = () => dot(naiveConv2d(x, kernel, bias, g), r);
    const dx = js.conv2dBackwardInput(r, kernel, g, Tensor.filled(s.x, Number.NaN));
    expectNear('dx', dx.data, finiteDifferences(x.data, objective), 1e-4);
    const dKernel = Tensor.filled(s.kernel, Number.NaN);
    const dBias = Tensor.filled([g.outChannels], Number.NaN);
    js.conv2dBackwardKernel(x, r, g, dKernel, dBias);
    expectNear('dKernel', dKernel.data, finiteDifferences(kernel.data, objective), 1e-4);
    expectNear('dBias', dBias.data, finiteDifferences(bias.data, objective), 1e-4);
  });
});

describe.each(POOLS)('reference pooling: %s', (_name, n, options) => {
  const g = pool2dGeometry(options);
  const s = shapes(n, g);
  const x = distinct(s.x, 5);
  const r = randomTensor(s.y, 6);

  it('max: matches the naive formula and finite differences', () => {
    expectNear('maxPool2d', js.maxPool2d(x, g, Tensor.zeros(s.y)).data, naivePool('max', x, g), 0);
    const dx = js.maxPool2dBackward(x, r, g, Tensor.filled(s.x, Number.NaN));
    const fd = finiteDifferences(x.data, () => dot(naivePool('max', x, g), r));
    expectNear('maxPool2dBackward', dx.data, fd, 1e-4);
  });

  it('average over the cells inside: matches the naive formula and finite differences', () => {
    const want = naivePool('avg', x, g);
    expectNear('avgPool2d', js.avgPool2d(x, g, Tensor.zeros(s.y)).data, want, 1e-6);
    const dx = js.avgPool2dBackward(r, g, Tensor.filled(s.x, Number.NaN));
    const fd = finiteDifferences(x.data, () => dot(naivePool('avg', x, g), r));
    expectNear('avgPool2dBackward', dx.data, fd, 1e-4);
  });
});

describe('reference pooling edges', () => {
  it('sends a tied maximum to the first cell of the window, as TensorFlow does', () => {
    const g = pool2dGeometry({ inputShape: [2, 2, 1], poolSize: 2 });
    const dx = js.maxPool2dBackward(
      Tensor.filled([1, 2, 2, 1], 3),
      new Tensor(new Float32Array([5]), [1, 1, 1, 1]),
      g,
      Tensor.zeros([1, 2, 2, 1]),
    );
    expect(Array.from(dx.data)).toEqual([5, 0, 0, 0]);
  });

  it('global average pooling matches the mean and its gradient', () => {
    const x = randomTensor([2, 3, 4, 5], 7);
    const r = randomTensor([2, 5], 8);
    const mean = (t: Tensor) => {
      const out = new Float64Array(10);
      for (let i = 0; i < t.size; i++) out[Math.floor(i / 60) * 5 + (i % 5)]! += t.data[i]! / 12;
      return out;
    };
    expectNear('globalAvgPool2d', js.globalAvgPool2d(x, Tensor.zeros([2, 5])).data, mean(x), 1e-6);
    const dx = js.globalAvgPool2dBackward(r, Tensor.filled([2, 3, 4, 5], Number.NaN));
    expectNear(
      'globalAvgPool2dBackward',
      dx.data,
      finiteDifferences(x.data, () => dot(mean(x), r)),
      1e-4,
    );
  });
});
