import { Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { expectGradient, numericGradient } from '../test/test-helpers.js';
import { MeanAbsoluteError } from './mean-absolute-error.js';

const loss = new MeanAbsoluteError();

describe('MeanAbsoluteError', () => {
  const pred = new Tensor([
    [1, 2],
    [3, 4],
  ]);
  const target = new Tensor([
    [0, 2],
    [5, 3.5],
  ]);

  it('is the mean of |p − y| over all values', () => {
    expect(loss.forward(pred, target)).toBe((1 + 0 + 2 + 0.5) / 4);
  });

  it('has gradient sign(p − y)/(N·K), 0 where p equals y', () => {
    expect(Array.from(loss.backward(pred, target).data)).toEqual([0.25, 0, -0.25, 0.25]);
  });

  it('matches finite differences away from the kink', () => {
    const rng = new Rng(4);
    const p = Tensor.zeros([3, 3]);
    const y = Tensor.zeros([3, 3]);
    for (let i = 0; i < p.size; i++) {
      y.data[i] = rng.normal();
      p.data[i] = y.data[i]! + (rng.uniform() < 0.5 ? -1 : 1) * rng.uniformRange(0.1, 1);
    }
    expectGradient(
      loss.backward(p, y).data,
      numericGradient(() => loss.forward(p, y), p.data),
    );
  });

  it('takes one integer per row when pred has one column', () => {
    expect(loss.forward(new Tensor([[1.5], [-1]]), Int32Array.from([1, 1]))).toBe((0.5 + 2) / 2);
  });

  it('rejects a target of another shape and an Int32Array for several columns', () => {
    expect(() => loss.forward(pred, Tensor.zeros([2, 1]))).toThrow(
      'MeanAbsoluteError.forward: target shape [2, 1] does not match pred shape [2, 2]',
    );
    expect(() => loss.forward(pred, Int32Array.from([1, 1]))).toThrow(
      /target is an Int32Array \(one value per row\) but pred has shape \[2, 2\]/,
    );
  });

  it('describes itself', () => {
    expect(new MeanAbsoluteError({ l1: 1, l2: 2 }).getConfig()).toEqual({
      type: 'MeanAbsoluteError',
      l1: 1,
      l2: 2,
    });
  });
});
