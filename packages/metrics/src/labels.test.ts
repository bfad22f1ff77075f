import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { resolveLabels } from './labels.js';

describe('resolveLabels', () => {
  it('decodes every encoding to class indices', () => {
    const r = resolveLabels(
      'f',
      new Tensor([
        [0, 1],
        [1, 0],
      ]),
      new Tensor([[0.9], [0.1]]),
    );
    expect(Array.from(r.yTrue)).toEqual([1, 0]);
    expect(Array.from(r.yPred)).toEqual([1, 0]);
    expect(r.numClasses).toBe(2);
  });

  it('reads a binary label column in yTrue as classes 0 and 1', () => {
    const r = resolveLabels('f', new Tensor([[1], [0]]), [1, 1]);
    expect(Array.from(r.yTrue)).toEqual([1, 0]);
  });

  it('takes the class count from a tensor even when the labels are smaller', () => {
    const probs = new Tensor([
      [1, 0, 0, 0],
      [0.5, 0.2, 0.2, 0.1],
    ]);
    expect(resolveLabels('f', [0, 0], probs).numClasses).toBe(4);
  });

  it('accepts infinite scores but rejects NaN', () => {
    const r = resolveLabels('f', [1], new Tensor([[0, Number.POSITIVE_INFINITY]]));
    expect(Array.from(r.yPred)).toEqual([1]);
    expect(() => resolveLabels('f', [1], new Tensor([[Number.NaN]]))).toThrow(/is NaN/);
  });

  it('rejects a tensor with no columns', () => {
    expect(() => resolveLabels('f', Tensor.zeros([2, 0]), [0, 0])).toThrow(
      /shape \[2, 0\]; expected \[N, C\] with C >= 1/,
    );
  });
});
