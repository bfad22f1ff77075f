import { Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { confusionMatrix } from './confusion-matrix.js';

describe('confusionMatrix', () => {
  it('puts true classes in rows and predicted classes in columns', () => {
    const yTrue = [0, 0, 1, 1, 1, 2];
    const yPred = [0, 1, 1, 1, 2, 0];
    expect(confusionMatrix(yTrue, yPred)).toEqual([
      [1, 1, 0],
      [0, 2, 1],
      [1, 0, 0],
    ]);
  });

  it('sizes the matrix from the largest label in either argument', () => {
    expect(confusionMatrix([0, 0], [0, 3])).toEqual([
      [1, 0, 0, 1],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('sizes the matrix from a tensor width or from numClasses', () => {
    const probs = new Tensor([
      [0.9, 0.05, 0.05, 0],
      [0.2, 0.7, 0.1, 0],
    ]);
    expect(confusionMatrix([0, 1], probs)).toHaveLength(4);
    expect(confusionMatrix([0, 1], [0, 1], { numClasses: 3 })).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    // A sigmoid column means two classes.
    expect(confusionMatrix([1, 1, 0], new Tensor([[0.8], [0.2], [0.1]]))).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });

  it('sums to N and agrees across sparse, one-hot and probability inputs', () => {
    const rng = new Rng(3);
    const n = 200;
    const k = 4;
    const labels = Int32Array.from({ length: n }, () => rng.int(k));
    const oneHot = Tensor.zeros([n, k]);
    const probs = Tensor.zeros([n, k]);
    for (let i = 0; i < n; i++) oneHot.data[i * k + labels[i]!] = 1;
    for (let i = 0; i < probs.size; i++) probs.data[i] = rng.uniform();
    const predicted = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let j = 1; j < k; j++) if (probs.get(i, j) > probs.get(i, best)) best = j;
      predicted[i] = best;
    }
    const m = confusionMatrix(labels, predicted, { numClasses: k });
    expect(m.flat().reduce((a, b) => a + b, 0)).toBe(n);
    expect(confusionMatrix(oneHot, predicted)).toEqual(m);
    expect(confusionMatrix(labels, probs)).toEqual(m);
    expect(confusionMatrix(oneHot, probs)).toEqual(m);
  });

  it('rejects bad numClasses and disagreeing inputs', () => {
    expect(() => confusionMatrix([0, 2], [0, 1], { numClasses: 2 })).toThrow(
      'confusionMatrix: yTrue[1] is class 2 but numClasses is 2; expected labels 0..1',
    );
    expect(() => confusionMatrix([0], [0], { numClasses: 0 })).toThrow(
      /numClasses is 0; expected an integer >= 1/,
    );
    expect(() => confusionMatrix([0], [0], { numClasses: 1.5 })).toThrow(/numClasses is 1.5/);
    expect(() => confusionMatrix(new Tensor([[1, 0, 0]]), new Tensor([[0.5, 0.5]]))).toThrow(
      /yTrue has 3 columns \(3 classes\) but yPred has 2 \(2 classes\)/,
    );
    expect(() => confusionMatrix([0], new Tensor([[0.2, 0.3, 0.5]]), { numClasses: 2 })).toThrow(
      /numClasses is 2 but a Tensor argument has 3 classes/,
    );
  });
});
