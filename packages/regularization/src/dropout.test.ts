import { setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { Dropout } from './dropout.js';

// Every test runs on the reference and on the wasm backend: same answers within float32.
describe.each(['js', 'wasm'])('Dropout on the %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  const x = Tensor.filled([100, 100], 2);

  it('zeroes about `rate` of the values and scales the rest by 1/(1 − rate)', () => {
    const y = new Dropout(0.3, { seed: 1 }).forward(x, { training: true });
    const zeros = y.data.filter((v) => v === 0).length;
    expect(zeros / y.size).toBeGreaterThan(0.28);
    expect(zeros / y.size).toBeLessThan(0.32);
    const kept = y.data.filter((v) => v !== 0);
    expect(Math.max(...kept.map((v) => Math.abs(v - 2 / 0.7)))).toBeLessThan(1e-5);
  });

  it('is the identity in inference, forward and backward', () => {
    const layer = new Dropout(0.5);
    expect(layer.forward(x)).toBe(x);
    expect(layer.backward(x)).toBe(x);
  });

  it('sends the gradient back through the same mask', () => {
    const layer = new Dropout(0.5, { seed: 2 });
    const y = layer.forward(x, { training: true }).clone();
    const dx = layer.backward(Tensor.filled([100, 100], 1));
    // One assertion over the 10,000 values: an expect per value is slow on a busy machine.
    let worst = 0;
    for (let i = 0; i < y.size; i++)
      worst = Math.max(worst, Math.abs(dx.data[i]! - y.data[i]! / 2));
    expect(worst).toBeLessThan(1e-6);
  });

  it('draws the same masks from the same seed', () => {
    const a = new Dropout(0.5, { seed: 3 }).forward(x, { training: true }).data;
    const b = new Dropout(0.5, { seed: 3 }).forward(x, { training: true }).data;
    const c = new Dropout(0.5, { seed: 4 }).forward(x, { training: true }).data;
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('rejects a rate outside [0, 1)', () => {
    expect(() => new Dropout(1)).toThrow(/rate must be in \[0, 1\), got 1/);
    expect(() => new Dropout(-0.1)).toThrow(/rate must be in \[0, 1\)/);
  });
});

describe('fromConfig', () => {
  it('rebuilds Dropout and BatchNormalization from their configs', async () => {
    const { BatchNormalization } = await import('./batch-normalization.js');
    const bn = new BatchNormalization({ epsilon: 1e-3, momentum: 0.5 });
    expect(BatchNormalization.fromConfig(bn.getConfig()).getConfig()).toEqual(bn.getConfig());
    expect(Dropout.fromConfig(new Dropout(0.25).getConfig()).rate).toBe(0.25);
  });
});
