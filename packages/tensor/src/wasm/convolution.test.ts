import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Conv2DGeometryOptions, conv2dGeometry } from '../conv-geometry.js';
import { Rng } from '../rng.js';
import { Tensor } from '../tensor.js';
import { createWasmVariant } from './create.js';
import type { WasmBackend } from './wasm-backend.js';

const CASES: [string, number, Conv2DGeometryOptions][] = [
  ['LeNet conv 1', 64, { inputShape: [28, 28, 1], kernelSize: 5, filters: 8 }],
  ['LeNet conv 2', 64, { inputShape: [12, 12, 8], kernelSize: 5, filters: 16 }],
  [
    "'same', stride 2, 12 filters",
    9,
    { inputShape: [15, 14, 6], kernelSize: 3, filters: 12, strides: 2, padding: 'same' },
  ],
  [
    "dilation 2, 'same'",
    7,
    { inputShape: [13, 11, 5], kernelSize: [3, 2], filters: 10, dilationRate: 2, padding: 'same' },
  ],
  [
    "dilation [3, 200], 'same'",
    6,
    {
      inputShape: [14, 11, 6],
      kernelSize: 3,
      filters: 10,
      dilationRate: [3, 200],
      padding: 'same',
    },
  ],
];

function random(b: WasmBackend, shape: number[], seed: number): Tensor {
  const rng = new Rng(seed);
  const t = new Tensor(b.allocate(shape.reduce((p, d) => p * d, 1)), shape);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal();
  return t;
}

function bytes(t: Tensor): Buffer {
  return Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);
}

describe('wasm convolution on one thread and on two', () => {
  const one = createWasmVariant({ threads: 1 }, { sharedMemory: true });
  const two = createWasmVariant({ threads: 2 }, { sharedMemory: true });
  two.threadThreshold = 0;
  beforeAll(() => two.ready());
  afterAll(() => two.dispose());

  it('splits the work over both threads', () => {
    expect(two.threads).toBe(2);
  });

  it('reuses its scratch: a warm training step grows no memory', () => {
    const memory = (one as unknown as { heap: { memory: WebAssembly.Memory } }).heap.memory;
    const g = conv2dGeometry(CASES[2]![2]);
    const [xs, ys] = [
      [9, g.inHeight, g.inWidth, g.inChannels],
      [9, g.outHeight, g.outWidth, g.outChannels],
    ];
    const ks = [g.kernelHeight, g.kernelWidth, g.inChannels, g.outChannels];
    const [x, k, y, dx, dk] = [
      random(one, xs, 1),
      random(one, ks, 2),
      random(one, ys, 3),
      random(one, xs, 4),
      random(one, ks, 5),
    ];
    const step = () => {
      one.conv2d(x, k, undefined, g, y, 'tanh');
      one.conv2dBackwardInput(y, k, g, dx);
      one.conv2dBackwardKernel(x, y, g, dk);
    };
    step();
    const size = memory.buffer.byteLength;
    for (let i = 0; i < 5; i++) step();
    expect(memory.buffer.byteLength).toBe(size);
  });

  describe('indexes a dilated input instead of copying it: dilation 1000 grows no memory', () => {
    // A padded copy of x (or of dy) would be [2, 2006, 2006, 3 (or 4)] floats, 96 (128) MB.
    const g = conv2dGeometry({
      inputShape: [6, 6, 3],
      kernelSize: 3,
      filters: 4,
      dilationRate: 1000,
      padding: 'same',
    });
    const xs = [2, g.inHeight, g.inWidth, g.inChannels];
    const ys = [2, g.outHeight, g.outWidth, g.outChannels];
    const ks = [g.kernelHeight, g.kernelWidth, g.inChannels, g.outChannels];
    type Operands = Record<'x' | 'k' | 'y' | 'dx' | 'dk', Tensor>;
    const ops: [string, (b: WasmBackend, t: Operands) => void][] = [
      ['conv2d', (b, t) => b.conv2d(t.x, t.k, undefined, g, t.y)],
      ['conv2dBackwardInput', (b, t) => b.conv2dBackwardInput(t.y, t.k, g, t.dx)],
      ['conv2dBackwardKernel', (b, t) => b.conv2dBackwardKernel(t.x, t.y, g, t.dk)],
    ];
    for (const [name, op] of ops) {
      // Each op on a backend of its own, as the ops share their scratch.
      it(name, () => {
        const fresh = createWasmVariant({ threads: 1 }, { sharedMemory: true });
        const memory = (fresh as unknown as { heap: { memory: WebAssembly.Memory } }).heap.memory;
        const t = {
          x: random(fresh, xs, 1),
          k: random(fresh, ks, 2),
          y: random(fresh, ys, 3),
          dx: random(fresh, xs, 4),
          dk: random(fresh, ks, 5),
        };
        const size = memory.buffer.byteLength;
        op(fresh, t);
        expect(memory.buffer.byteLength - size).toBeLessThan(1 << 20);
      });
    }
  });

  for (const [name, n, options] of CASES) {
    it(`gives bit-identical results: ${name}`, () => {
      const g = conv2dGeometry(options);
      const xs = [n, g.inHeight, g.inWidth, g.inChannels];
      const ys = [n, g.outHeight, g.outWidth, g.outChannels];
      const ks = [g.kernelHeight, g.kernelWidth, g.inChannels, g.outChannels];
      const run = (b: WasmBackend) => {
        const [x, k, bias, dy] = [
          random(b, xs, 1),
          random(b, ks, 2),
          random(b, [g.outChannels], 3),
          random(b, ys, 4),
        ];
        const y = b.conv2d(x, k, bias, g, random(b, ys, 5), 'relu');
        const dx = b.conv2dBackwardInput(dy, k, g, random(b, xs, 6));
        const dk = random(b, ks, 7);
        const db = random(b, [g.outChannels], 8);
        b.conv2dBackwardKernel(x, dy, g, dk, db);
        return [y, dx, dk, db];
      };
      const [a, b] = [run(one), run(two)];
      for (let i = 0; i < a.length; i++) expect(bytes(b[i]!).equals(bytes(a[i]!))).toBe(true);
    });
  }
});
