import { Dense, Sigmoid } from '@neunet/layers';
import { BinaryCrossentropy } from '@neunet/losses';
import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { NeuralNetwork } from './neural-network.js';

// Issue #10: a BinaryCrossentropy target of 2.0 trained silently and drove the loss
// below zero. `train` asks the loss about the target before the first update.
function sigmoidNet(): NeuralNetwork {
  return new NeuralNetwork({ seed: 3, learningRate: 0.1 })
    .add(new Dense(2, 1))
    .add(new Sigmoid())
    .setLoss(new BinaryCrossentropy());
}

const X = new Tensor([
  [0, 1],
  [1, 0],
  [1, 1],
  [0, 0],
]);

describe('train with BinaryCrossentropy targets outside [0, 1]', () => {
  for (const [bad, shown] of [
    [2, '2'],
    [-0.5, '-0.5'],
  ] as const) {
    it(`rejects ${shown} before any weight changes`, () => {
      const model = sigmoidNet();
      model.build([2]);
      const before = model.getWeights();
      const y = new Tensor([[bad], [0], [1], [0]]);
      expect(() => model.train(X, y, { epochs: 2, batchSize: 2 })).toThrow(
        `train: BinaryCrossentropy.forward: target ${shown} at row 0, column 0 is outside [0, 1]`,
      );
      expect(model.getWeights()).toEqual(before);
      expect(model.epochsTrained).toBe(0);
    });
  }

  it('rejects a bad value in a late batch before the first batch updates, naming its row', () => {
    const model = sigmoidNet();
    model.build([2]);
    const before = model.getWeights();
    const y = new Tensor([[1], [0], [1], [2]]);
    expect(() => model.train(X, y, { epochs: 1, batchSize: 2, shuffle: false })).toThrow(
      'train: BinaryCrossentropy.forward: target 2 at row 3, column 0 is outside [0, 1]',
    );
    expect(model.getWeights()).toEqual(before);
  });

  it('rejects a bad validation target before training starts', () => {
    const model = sigmoidNet();
    model.build([2]);
    const before = model.getWeights();
    const y = new Tensor([[1], [0], [1], [0]]);
    const validationData: [Tensor, Tensor] = [X.sliceRows(0, 1), new Tensor([[1.5]])];
    expect(() => model.train(X, y, { epochs: 1, validationData })).toThrow(
      'train: validationData: BinaryCrossentropy.forward: target 1.5 at row 0, column 0 is outside [0, 1]',
    );
    expect(model.getWeights()).toEqual(before);
  });

  it('still trains on soft labels in between', () => {
    const model = sigmoidNet();
    const y = new Tensor([[0.75], [0.25], [1], [0]]);
    const history = model.train(X, y, { epochs: 3, batchSize: 2 });
    expect(history.loss).toHaveLength(3);
    for (const loss of history.loss) expect(loss).toBeGreaterThan(0);
  });
});
