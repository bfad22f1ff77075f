import { setBackend } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomTensor } from '../../layers/test/random-tensor.js';
import { Dropout } from './dropout.js';

describe.each(['js', 'wasm'])('Dropout on inputs of any rank, %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  it('Dropout on [batch, height, width, channels]: seeded masks scaled by 1/(1 − rate)', () => {
    const x = randomTensor([4, 3, 5, 2], 1);
    const layer = new Dropout(0.4, { seed: 7 });
    const y = layer.forward(x, { training: true }).clone();
    expect(y.shape).toEqual([4, 3, 5, 2]);
    let dropped = 0;
    y.data.forEach((v, i) => {
      if (v === 0) dropped++;
      else expect(v).toBeCloseTo(x.data[i]! / 0.6, 5);
    });
    expect(dropped).toBeGreaterThan(0);
    expect(dropped).toBeLessThan(x.size);
    // One draw per value in order, whatever the rank: the same seed on [4, 30] drops the same.
    const flat = new Dropout(0.4, { seed: 7 }).forward(x.reshape([4, 30]), { training: true });
    expect(flat.data).toEqual(y.data);
    const dy = randomTensor([4, 3, 5, 2], 2);
    const dx = layer.backward(dy);
    expect(dx.shape).toEqual([4, 3, 5, 2]);
    dx.data.forEach((v, i) => {
      expect(v).toBeCloseTo(y.data[i] === 0 ? 0 : dy.data[i]! / 0.6, 5);
    });
  });
});
