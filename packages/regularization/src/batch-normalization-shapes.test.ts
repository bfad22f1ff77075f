import { gradientCheck } from '@neunet/layers';
import { setBackend, type Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomTensor } from '../../layers/test/random-tensor.js';
import { BatchNormalization } from './batch-normalization.js';

/** Per feature of the last axis: the mean and biased variance over every other axis, in float64. */
function statistics(x: Tensor): { mean: number[]; variance: number[] } {
  const c = x.shape[x.shape.length - 1]!;
  const n = x.size / c;
  const mean = Array.from({ length: c }, (_, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += x.data[i * c + j]!;
    return s / n;
  });
  const variance = mean.map((m, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (x.data[i * c + j]! - m) ** 2;
    return s / n;
  });
  return { mean, variance };
}

describe.each(['js', 'wasm'])('BatchNormalization on the last axis, %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  for (const shape of [
    [4, 5, 3],
    [2, 3, 4, 3],
  ]) {
    it(`normalises [${shape}] per feature over every other axis, and folds the statistics in`, () => {
      const bn = new BatchNormalization({ momentum: 0.8, epsilon: 1e-3 });
      const x = randomTensor(shape, 1, 2, 0.5);
      bn.build(shape.slice(1));
      const [gamma, beta] = bn.params();
      gamma!.value.data.set([0.5, 2, -1]);
      beta!.value.data.set([0.1, 0, -0.3]);
      const y = bn.forward(x, { training: true });
      expect(y.shape).toEqual(shape);
      const { mean, variance } = statistics(x);
      for (let i = 0; i < x.size; i++) {
        const j = i % 3;
        const want =
          (gamma!.value.data[j]! * (x.data[i]! - mean[j]!)) / Math.sqrt(variance[j]! + 1e-3) +
          beta!.value.data[j]!;
        expect(y.data[i]).toBeCloseTo(want, 4);
      }
      const [runningMean, runningVar] = bn.buffers();
      for (let j = 0; j < 3; j++) {
        expect(runningMean!.value.data[j]).toBeCloseTo(0.2 * mean[j]!, 5);
        expect(runningVar!.value.data[j]).toBeCloseTo(0.8 + 0.2 * variance[j]!, 5);
      }
      // Inference: the running statistics, the same formula.
      const z = bn.forward(x);
      for (let i = 0; i < x.size; i++) {
        const j = i % 3;
        const want =
          (gamma!.value.data[j]! * (x.data[i]! - runningMean!.value.data[j]!)) /
            Math.sqrt(runningVar!.value.data[j]! + 1e-3) +
          beta!.value.data[j]!;
        expect(z.data[i]).toBeCloseTo(want, 4);
      }
    });

    it(`passes a gradient check on [${shape}] in training and in inference mode`, () => {
      const bn = new BatchNormalization();
      const x = randomTensor(shape, 3, 1.5, 0.3);
      bn.build(shape.slice(1));
      const [gamma, beta] = bn.params();
      gamma!.value.data.set([0.5, 1.5, -1]);
      beta!.value.data.set([0.1, 0, -0.3]);
      const training = gradientCheck(bn, x, { training: true });
      expect(training.input).toBeLessThan(5e-3);
      expect(training.params['gamma']).toBeLessThan(5e-3);
      expect(training.params['beta']).toBeLessThan(5e-3);
      expect(gradientCheck(bn, x).input).toBeLessThan(2e-3);
    });
  }

  it('keeps its width on the last axis across ranks, and refuses another width', () => {
    const bn = new BatchNormalization();
    bn.forward(randomTensor([2, 3, 4], 1), { training: true });
    expect(bn.outputShape).toEqual([3, 4]);
    expect(bn.forward(randomTensor([5, 4], 2)).shape).toEqual([5, 4]);
    expect(bn.params().map((p) => p.value.shape)).toEqual([[4], [4]]);
    expect(() => bn.forward(randomTensor([2, 4, 3], 1))).toThrow(
      'BatchNormalization: expects inputs of shape [..., 4] (it normalises the last axis), got [4, 3]',
    );
  });
});
