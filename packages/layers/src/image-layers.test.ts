import { Rng, setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomTensor } from '../test/random-tensor.js';
import { Stack } from '../test/stack.js';
import { AveragePooling2D } from './average-pooling-2d.js';
import { BatchNormalization } from './batch-normalization.js';
import { Conv2D } from './conv2d.js';
import { Dense } from './dense.js';
import { Dropout } from './dropout.js';
import { Flatten } from './flatten.js';
import { GlobalAveragePooling2D } from './global-average-pooling-2d.js';
import { gradientCheck } from './gradient-check.js';
import { MaxPooling2D } from './max-pooling-2d.js';
import { findLayer } from './registry.js';
import { Reshape } from './reshape.js';

describe.each(['js', 'wasm'])('image layers together, %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  it('Conv2D → BatchNormalization → Dropout → AveragePooling2D → Conv2D → GlobalAveragePooling2D passes a gradient check in training mode', () => {
    const dropout = new Dropout(0.3);
    // The same mask on every forward of the check: the stream restarts each time.
    const stack = new Stack(
      [
        new Conv2D({ filters: 4, kernelSize: 3, padding: 'same', activation: 'tanh', seed: 1 }),
        new BatchNormalization(),
        dropout,
        new AveragePooling2D({ poolSize: 2, strides: 1 }),
        new Conv2D({ filters: 3, kernelSize: 2, strides: 2, seed: 2 }),
        new GlobalAveragePooling2D(),
      ],
      () => dropout.initialize(new Rng(5)),
    );
    const x = randomTensor([3, 5, 5, 2], 3);
    stack.build([5, 5, 2]);
    const y = stack.forward(x, { training: true });
    expect(y.shape).toEqual([3, 3]);
    const result = gradientCheck(stack, x, { training: true });
    expect(result.input).toBeLessThan(5e-3);
    for (const [name, error] of Object.entries(result.params)) {
      expect(error, name).toBeLessThan(5e-3);
    }
    expect(Object.keys(result.params)).toEqual([
      '0.kernel',
      '0.bias',
      '1.gamma',
      '1.beta',
      '4.kernel',
      '4.bias',
    ]);
  });

  it('BatchNormalization normalises each channel of [n, h, w, c] over batch, height and width', () => {
    const bn = new BatchNormalization({ epsilon: 1e-5 });
    const x = randomTensor([4, 3, 5, 2], 1, 3, 1);
    const y = bn.forward(x, { training: true });
    for (let c = 0; c < 2; c++) {
      const values = y.data.filter((_, i) => i % 2 === c);
      const mean = values.reduce((a, v) => a + v, 0) / values.length;
      const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
      expect(Math.abs(mean)).toBeLessThan(1e-5);
      expect(variance).toBeCloseTo(1, 3);
    }
  });

  it('Flatten then new Dense({ units: 10 }) takes its width from the pooled image', () => {
    const stack = new Stack([
      new Conv2D({ filters: 6, kernelSize: 5, activation: 'relu', inputShape: [28, 28, 1] }),
      new MaxPooling2D({ poolSize: 2 }),
      new Flatten(),
      new Dense({ units: 10 }),
    ]);
    expect(stack.computeOutputShape([28, 28, 1])).toEqual([10]);
    stack.build([28, 28, 1]);
    expect((stack.layers[3] as Dense).nIn).toBe(12 * 12 * 6);
    expect(stack.forward(randomTensor([2, 28, 28, 1], 1)).shape).toEqual([2, 10]);
  });

  it('Reshape({ targetShape }) turns flat rows into images, as in Keras', () => {
    const reshape = new Reshape({ targetShape: [28, 28, 1] });
    expect(reshape.getConfig()).toEqual({ type: 'Reshape', targetShape: [28, 28, 1] });
    const y = reshape.forward(randomTensor([2, 784], 1));
    expect(y.shape).toEqual([2, 28, 28, 1]);
    expect(new Conv2D({ filters: 2, kernelSize: 3, seed: 1 }).forward(y).shape).toEqual([
      2, 26, 26, 2,
    ]);
    expect(() => new Reshape({} as never)).toThrow(
      'Reshape: targetShape must be a non-empty array',
    );
  });
});

describe('the image layers in the registry', () => {
  it('are registered under the type their config writes', () => {
    for (const layer of [
      new Conv2D({ filters: 1, kernelSize: 1 }),
      new MaxPooling2D(),
      new AveragePooling2D(),
      new GlobalAveragePooling2D(),
    ]) {
      const type = layer.getConfig().type;
      expect(findLayer(type)).toBe(layer.constructor);
      expect(findLayer(type)!.fromConfig(layer.getConfig()).getConfig()).toEqual(layer.getConfig());
    }
  });

  it('GlobalAveragePooling2D rejects a tensor that is not a batch of images', () => {
    expect(() => new GlobalAveragePooling2D().forward(Tensor.zeros([2, 3, 4]))).toThrow(
      'GlobalAveragePooling2D: expects a batch of images [batch, height, width, channels] (NHWC), got a tensor of shape [2, 3, 4]',
    );
  });
});
