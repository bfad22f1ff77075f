import { gradientCheck } from '@neunet/layers';
import { Rng, setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { BatchNormalization } from './batch-normalization.js';

function randomTensor(rows: number, cols: number, seed: number, scale = 1, shift = 0): Tensor {
  const rng = new Rng(seed);
  const t = Tensor.zeros([rows, cols]);
  for (let i = 0; i < t.size; i++) t.data[i] = shift + scale * rng.normal();
  return t;
}

// Every test runs on the reference and on the wasm backend: same answers within float32.
describe.each(['js', 'wasm'])('BatchNormalization on the %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  it('normalises each feature with the batch mean and biased variance in training', () => {
    const bn = new BatchNormalization();
    const x = new Tensor([
      [1, 10],
      [2, 20],
      [3, 60],
    ]);
    const y = bn.forward(x, { training: true });
    // Feature 0: mean 2, biased variance 2/3.
    const inv0 = 1 / Math.sqrt(2 / 3 + 1e-5);
    expect(y.get(0, 0)).toBeCloseTo(-1 * inv0, 5);
    expect(y.get(2, 0)).toBeCloseTo(1 * inv0, 5);
    // Running statistics move 10% of the way from (0, 1) towards the batch's.
    const [mean, variance] = bn.buffers();
    expect(mean?.value.data[0]).toBeCloseTo(0.1 * 2, 6);
    expect(variance?.value.data[0]).toBeCloseTo(0.9 + 0.1 * (2 / 3), 6);
    expect(mean?.value.data[1]).toBeCloseTo(0.1 * 30, 5);
  });

  it('uses the running statistics in inference and leaves them alone', () => {
    const bn = new BatchNormalization({ momentum: 0 });
    const train = randomTensor(50, 3, 1, 2, 5);
    bn.forward(train, { training: true });
    const before = bn.buffers().map((b) => b.value.data.slice());
    const x = randomTensor(4, 3, 2);
    const y = bn.forward(x);
    const [mean, variance] = before;
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 3; j++) {
        const want = (x.get(i, j) - mean![j]!) / Math.sqrt(variance![j]! + 1e-5);
        expect(y.get(i, j)).toBeCloseTo(want, 5);
      }
    }
    expect(bn.buffers().map((b) => b.value.data)).toEqual(before);
  });

  it('passes a gradient check in training mode (input, gamma and beta)', () => {
    const bn = new BatchNormalization();
    const x = randomTensor(8, 5, 3, 1.5, 0.3);
    bn.forward(x, { training: true });
    // Non-trivial gamma and beta, so that their gradients are exercised.
    const [gamma, beta] = bn.params();
    gamma!.value.data.set([0.5, 1.5, -1, 2, 1]);
    beta!.value.data.set([0.1, 0, -0.3, 0.2, 1]);
    const result = gradientCheck(bn, x, { training: true, h: 1e-2 });
    expect(result.input).toBeLessThan(5e-3);
    expect(result.params['gamma']).toBeLessThan(5e-3);
    expect(result.params['beta']).toBeLessThan(5e-3);
  });

  it('passes a gradient check in inference mode', () => {
    const bn = new BatchNormalization();
    bn.forward(randomTensor(20, 4, 4, 2, 1), { training: true });
    expect(gradientCheck(bn, randomTensor(5, 4, 5)).input).toBeLessThan(2e-3);
  });

  it('takes its width from the first input and rejects another width later', () => {
    const bn = new BatchNormalization();
    expect(bn.params()).toEqual([]);
    bn.forward(randomTensor(4, 6, 1), { training: true });
    expect(bn.params().map((p) => p.value.shape)).toEqual([[6], [6]]);
    expect(() => bn.forward(randomTensor(4, 5, 1))).toThrow(
      'BatchNormalization: expects inputs of shape [..., 6] (it normalises the last axis), got [5]',
    );
  });

  it('tells its output shape without building, and refuses another width once built', () => {
    const bn = new BatchNormalization();
    expect(bn.computeOutputShape([4])).toEqual([4]);
    expect(bn.params()).toEqual([]);
    expect(bn.outputShape).toBeUndefined();
    bn.build([3]);
    expect(bn.outputShape).toEqual([3]);
    expect(bn.computeOutputShape([3])).toEqual([3]);
    expect(bn.computeOutputShape([7, 3])).toEqual([7, 3]);
    expect(() => bn.computeOutputShape([4])).toThrow(
      /expects inputs of shape \[\.\.\., 3\].*got \[4\]/,
    );
    expect(bn.params().map((p) => p.value.size)).toEqual([3, 3]);
  });

  it('rejects bad options', () => {
    expect(() => new BatchNormalization({ epsilon: 0 })).toThrow(
      /epsilon must be a finite number > 0/,
    );
    expect(() => new BatchNormalization({ momentum: 1 })).toThrow(/momentum must be in \[0, 1\)/);
  });
});
