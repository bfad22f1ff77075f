import { AveragePooling2D, Conv2D, GlobalAveragePooling2D, gradientCheck } from '@neunet/layers';
import { Rng, setBackend } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomTensor } from '../../layers/test/random-tensor.js';
import { Stack } from '../../layers/test/stack.js';
import { BatchNormalization } from './batch-normalization.js';
import { Dropout } from './dropout.js';

describe.each(['js', 'wasm'])('BatchNormalization and Dropout on images, %s backend', (backend) => {
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
});
