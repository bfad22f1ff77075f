import { Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { expectGradient, numericGradient } from '../test/test-helpers.js';
import { MeanSquaredError } from './mean-squared-error.js';

const loss = new MeanSquaredError();

describe('MeanSquaredError', () => {
  const pred = new Tensor([
    [1, 2],
    [3, 4],
  ]);
  const target = new Tensor([
    [0, 2],
    [5, 3.5],
  ]);

  it('is the mean of (p − y)² over all values', () => {
    expect(loss.forward(pred, target)).toBe((1 + 0 + 4 + 0.25) / 4);
  });

  it('has gradient 2(p − y)/(N·K)', () => {
    expect(Array.from(loss.backward(pred, target).data)).toEqual([0.5, 0, -1, 0.25]);
  });

  it('matches finite differences', () => {
    const rng = new Rng(2);
    const p = Tensor.zeros([4, 3]);
    const y = Tensor.zeros([4, 3]);
    for (let i = 0; i < p.size; i++) {
      p.data[i] = rng.normal();
      y.data[i] = rng.normal();
    }
    expectGradient(
      loss.backward(p, y).data,
      numericGradient(() => loss.forward(p, y), p.data),
    );
  });

  it('takes one integer per row when pred has one column', () => {
    const p = new Tensor([[1.5], [-1]]);
    expect(loss.forward(p, Int32Array.from([1, 1]))).toBe((0.25 + 4) / 2);
    expect(loss.forward(p, new Tensor([1, 1]))).toBe((0.25 + 4) / 2);
  });

  it('rejects a target of another shape, naming both', () => {
    expect(() => loss.forward(pred, Tensor.zeros([2, 3]))).toThrow(
      'MeanSquaredError.forward: target shape [2, 3] does not match pred shape [2, 2]',
    );
    expect(() => loss.backward(pred, Tensor.zeros([4, 1]))).toThrow(
      'MeanSquaredError.backward: pred has 2 rows (samples) but target has 4',
    );
  });

  it('describes itself', () => {
    expect(loss.getConfig()).toEqual({ type: 'MeanSquaredError', l1: 0, l2: 0 });
  });
});
