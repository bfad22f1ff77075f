import { setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomTensor } from '../test/random-tensor.js';
import { LeakyReLU, ReLU, Softmax } from './activations.js';
import { Flatten } from './flatten.js';
import { gradientCheck } from './gradient-check.js';
import { Reshape } from './reshape.js';

describe.each(['js', 'wasm'])('layers on inputs of any rank, %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  it('element-wise activations keep the shape and pass a gradient check on rank 4', () => {
    for (const layer of [new ReLU(), new LeakyReLU(0.1)]) {
      const x = randomTensor([2, 3, 2, 4], 3);
      for (let i = 0; i < x.size; i++) x.data[i] = x.data[i]! + (x.data[i]! >= 0 ? 0.1 : -0.1);
      expect(layer.forward(x).shape).toEqual([2, 3, 2, 4]);
      expect(layer.outputShape).toEqual([3, 2, 4]);
      expect(gradientCheck(layer, x).input).toBeLessThan(2e-3);
    }
  });

  it('Softmax acts on the last axis of [batch, time, classes]', () => {
    const softmax = new Softmax();
    const x = randomTensor([3, 4, 5], 4);
    const y = softmax.forward(x);
    expect(y.shape).toEqual([3, 4, 5]);
    for (let row = 0; row < 12; row++) {
      let max = -Infinity;
      for (let c = 0; c < 5; c++) max = Math.max(max, x.data[row * 5 + c]!);
      let sum = 0;
      for (let c = 0; c < 5; c++) sum += Math.exp(x.data[row * 5 + c]! - max);
      for (let c = 0; c < 5; c++) {
        expect(y.data[row * 5 + c]).toBeCloseTo(Math.exp(x.data[row * 5 + c]! - max) / sum, 6);
      }
    }
    expect(gradientCheck(softmax, x, { h: 1e-3 }).input).toBeLessThan(2e-3);
  });
});

describe('Flatten and Reshape', () => {
  it('Flatten views [batch, ...shape] as [batch, size] and sends the gradient back unflattened', () => {
    const flatten = new Flatten();
    expect(flatten.computeOutputShape([3, 4, 2])).toEqual([24]);
    const x = randomTensor([2, 3, 4, 2], 1);
    const y = flatten.forward(x);
    expect(y.shape).toEqual([2, 24]);
    expect(y.data).toBe(x.data);
    expect(flatten.outputShape).toEqual([24]);
    const dy = randomTensor([2, 24], 2);
    const dx = flatten.backward(dy);
    expect(dx.shape).toEqual([2, 3, 4, 2]);
    expect(dx.data).toBe(dy.data);
    // The same tensor in, the same view out: nothing allocated per batch.
    expect(flatten.forward(x)).toBe(y);
    expect(flatten.backward(dy)).toBe(dx);
  });

  it('Reshape infers one -1 and round-trips through another Reshape', () => {
    const reshape = new Reshape([-1, 3]);
    expect(reshape.computeOutputShape([12])).toEqual([4, 3]);
    expect(reshape.computeOutputShape([2, 6])).toEqual([4, 3]);
    const x = randomTensor([5, 12], 3);
    const y = reshape.forward(x);
    expect(y.shape).toEqual([5, 4, 3]);
    const back = new Reshape([12]).forward(y);
    expect(back.shape).toEqual([5, 12]);
    expect(Array.from(back.data)).toEqual(Array.from(x.data));
    expect(reshape.backward(randomTensor([5, 4, 3], 4)).shape).toEqual([5, 12]);
    expect(gradientCheck(reshape, x).input).toBeLessThan(1e-3);
  });

  it('save and load as their configs', () => {
    expect(Flatten.fromConfig().getConfig()).toEqual({ type: 'Flatten' });
    const config = new Reshape([2, -1, 3]).getConfig();
    expect(config).toEqual({ type: 'Reshape', targetShape: [2, -1, 3] });
    expect(Reshape.fromConfig(JSON.parse(JSON.stringify(config))).getConfig()).toEqual(config);
  });

  it('name the shapes they cannot take', () => {
    expect(() => new Reshape([4, 4]).computeOutputShape([3, 5])).toThrow(
      'Reshape([4, 4]): cannot reshape samples of shape [3, 5] (15 values) to [4, 4]',
    );
    expect(() => new Reshape([-1, 4]).computeOutputShape([3, 5])).toThrow(
      /cannot reshape samples of shape \[3, 5\] \(15 values\) to \[-1, 4\]/,
    );
    expect(() => new Reshape([-1, -1])).toThrow(/with at most one -1; got \[-1,-1\]/);
    expect(() => new Reshape([])).toThrow(/targetShape must be a non-empty array/);
    expect(() => new Reshape([2, 0])).toThrow(/integers >= 1/);
    const flatten = new Flatten();
    flatten.forward(Tensor.zeros([2, 3, 4]));
    expect(() => flatten.backward(Tensor.zeros([2, 13]))).toThrow(
      'Flatten.backward: gradient is [2, 13], expected [batch, 12]',
    );
    expect(() => new Flatten().backward(Tensor.zeros([2, 12]))).toThrow(/before forward/);
  });
});
