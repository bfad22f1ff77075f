import { setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { distinctTensor, referencePool2d } from '../test/image-reference.js';
import { randomTensor } from '../test/random-tensor.js';
import { AveragePooling2D } from './average-pooling-2d.js';
import { GlobalAveragePooling2D } from './global-average-pooling-2d.js';
import { gradientCheck } from './gradient-check.js';
import { MaxPooling2D } from './max-pooling-2d.js';
import type { Pooling2DOptions } from './pooling-2d.js';

const CASES: { name: string; input: number[]; options: Pooling2DOptions; out: number[] }[] = [
  { name: 'poolSize 2 (strides 2), valid', input: [2, 6, 7, 3], options: {}, out: [3, 3, 3] },
  {
    name: 'poolSize 3, strides 2, same, odd padding',
    input: [2, 6, 7, 2],
    options: { poolSize: 3, strides: 2, padding: 'same' },
    out: [3, 4, 2],
  },
  {
    name: 'poolSize [2, 3], strides [1, 2], valid (overlapping rows)',
    input: [2, 5, 7, 2],
    options: { poolSize: [2, 3], strides: [1, 2] },
    out: [4, 3, 2],
  },
  {
    name: 'poolSize 2, strides 1, same',
    input: [2, 4, 5, 2],
    options: { poolSize: 2, strides: 1, padding: 'same' },
    out: [4, 5, 2],
  },
  {
    name: 'poolSize 2, strides 3, valid (gaps between windows)',
    input: [1, 8, 8, 2],
    options: { poolSize: 2, strides: 3 },
    out: [3, 3, 2],
  },
];

function maxGap(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

describe.each(['js', 'wasm'])('pooling layers, %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  for (const [Pool, kind] of [
    [MaxPooling2D, 'max'],
    [AveragePooling2D, 'avg'],
  ] as const) {
    for (const c of CASES) {
      it(`${Pool.layerType}, ${c.name}: forward as TensorFlow, backward as finite differences`, () => {
        const layer = new Pool(c.options);
        // Values 0.05 apart: no max window ties within the finite-difference step.
        const x = distinctTensor(c.input, 3);
        const y = layer.forward(x);
        expect(layer.outputShape).toEqual(c.out);
        const size = layer.poolSize;
        const want = referencePool2d(
          x,
          { size: [...size], strides: [...layer.strides], padding: layer.padding },
          kind,
        );
        expect(y.shape).toEqual([c.input[0], ...c.out]);
        expect(maxGap(y.data, want.data)).toBeLessThan(1e-6);
        const result = gradientCheck(layer, x);
        expect(result.input).toBeLessThan(1e-3);
        expect(result.params).toEqual({});
      });
    }
  }

  it('GlobalAveragePooling2D: the mean per channel, forward and backward', () => {
    const layer = new GlobalAveragePooling2D();
    const x = randomTensor([3, 4, 5, 6], 1);
    const y = layer.forward(x);
    expect(y.shape).toEqual([3, 6]);
    expect(layer.outputShape).toEqual([6]);
    const want = new Float32Array(18);
    for (let i = 0; i < x.size; i++) {
      const b = Math.floor(i / 120);
      want[b * 6 + (i % 6)]! += x.data[i]! / 20;
    }
    expect(maxGap(y.data, want)).toBeLessThan(1e-6);
    expect(gradientCheck(layer, x).input).toBeLessThan(1e-3);
    expect(layer.forward(x)).toBe(y);
  });

  it('MaxPooling2D sends each window’s gradient to its maximum', () => {
    const layer = new MaxPooling2D({ poolSize: 2 });
    const x = new Tensor(
      Float32Array.from([1, 5, 3, 2, 0, -1, 4, 4, 9, 8, 7, 6, 1, 2, 3, 4]),
      [1, 4, 4, 1],
    );
    expect(Array.from(layer.forward(x).data)).toEqual([5, 4, 9, 7]);
    const dx = layer.backward(new Tensor(Float32Array.from([1, 2, 3, 4]), [1, 2, 2, 1]));
    // Ties (the two 4s) go to the first cell, row-major, as in TensorFlow.
    expect(Array.from(dx.data)).toEqual([0, 1, 0, 0, 0, 0, 2, 0, 3, 0, 4, 0, 0, 0, 0, 0]);
  });
});

describe('pooling errors name the layer and the shapes', () => {
  it('refuses inputs that are not images, and windows larger than the input', () => {
    expect(() => new MaxPooling2D().computeOutputShape([10, 3])).toThrow(
      'MaxPooling2D({ poolSize: 2 }): expects images, samples of shape [height, width, channels] (batches [batch, height, width, channels], NHWC), got samples of shape [10, 3]',
    );
    expect(() => new AveragePooling2D({ poolSize: 3 }).forward(Tensor.zeros([2, 9]))).toThrow(
      'AveragePooling2D({ poolSize: 3 }): expects a batch of images [batch, height, width, channels] (NHWC), got a tensor of shape [2, 9]',
    );
    expect(() => new MaxPooling2D({ poolSize: [3, 2] }).build([2, 8, 4])).toThrow(
      "MaxPooling2D({ poolSize: [3, 2] }): the 3×2 pooling window is larger than the 2×8 input (samples of shape [2, 8, 4]) with padding 'valid'; expected an input of at least 3×2, or padding 'same'",
    );
    expect(
      new MaxPooling2D({ poolSize: 3, padding: 'same' }).computeOutputShape([2, 2, 1]),
    ).toEqual([1, 1, 1]);
    expect(() => new GlobalAveragePooling2D().computeOutputShape([16])).toThrow(
      'GlobalAveragePooling2D: expects images, samples of shape [height, width, channels]',
    );
  });

  it('refuses bad options', () => {
    expect(() => new MaxPooling2D({ poolSize: 0 })).toThrow(
      'MaxPooling2D: poolSize must be an integer >= 1 or [height, width] of them, got 0',
    );
    expect(() => new AveragePooling2D({ strides: [1, 2, 3] as never })).toThrow(
      'AveragePooling2D: strides must be an integer >= 1 or [height, width] of them, got [1,2,3]',
    );
    expect(() => new MaxPooling2D({ padding: 'causal' as never })).toThrow(
      `MaxPooling2D: padding must be 'valid' or 'same', got "causal"`,
    );
    expect(() => new MaxPooling2D({ pool_size: 2 } as never)).toThrow(
      "MaxPooling2D: unknown option 'pool_size'; did you mean 'poolSize'?",
    );
  });

  it('refuses a gradient of the wrong shape', () => {
    const layer = new AveragePooling2D();
    expect(() => layer.backward(Tensor.zeros([1, 2, 2, 1]))).toThrow(
      'AveragePooling2D.backward called before forward',
    );
    layer.forward(randomTensor([2, 4, 4, 3], 1));
    expect(() => layer.backward(Tensor.zeros([2, 2, 2, 1]))).toThrow(
      'AveragePooling2D.backward: gradient is [2, 2, 2, 1], expected [2, 2, 2, 3]',
    );
  });
});

describe('pooling config', () => {
  it('defaults strides to the pool size and round-trips through getConfig and fromConfig', () => {
    expect(new MaxPooling2D({ poolSize: 3 }).getConfig()).toEqual({
      type: 'MaxPooling2D',
      poolSize: [3, 3],
      strides: [3, 3],
      padding: 'valid',
    });
    for (const layer of [
      new MaxPooling2D({ poolSize: [2, 3], strides: 1, padding: 'same' }),
      new AveragePooling2D(),
    ]) {
      const config = JSON.parse(JSON.stringify(layer.getConfig()));
      const Pool = layer instanceof MaxPooling2D ? MaxPooling2D : AveragePooling2D;
      const copy = Pool.fromConfig(config);
      expect(copy).toBeInstanceOf(Pool);
      expect(copy.getConfig()).toEqual(layer.getConfig());
    }
    expect(GlobalAveragePooling2D.fromConfig().getConfig()).toEqual({
      type: 'GlobalAveragePooling2D',
    });
  });
});
