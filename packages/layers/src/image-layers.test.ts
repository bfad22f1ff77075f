import { setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomTensor } from '../test/random-tensor.js';
import { Stack } from '../test/stack.js';
import { AveragePooling2D } from './average-pooling-2d.js';
import { Conv2D } from './conv2d.js';
import { Dense } from './dense.js';
import { Flatten } from './flatten.js';
import { GlobalAveragePooling2D } from './global-average-pooling-2d.js';
import { MaxPooling2D } from './max-pooling-2d.js';
import { findLayer } from './registry.js';
import { Reshape } from './reshape.js';

describe.each(['js', 'wasm'])('image layers together, %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
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
