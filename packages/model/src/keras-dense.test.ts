import { createData } from '@neunet/datasets';
import { Dense, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { describe, expect, it } from 'vitest';
import { NeuralNetwork } from './neural-network.js';

const { X, y } = createData({ samples: 30, classes: 3, seed: 0 });

const classifier = (first: Dense) =>
  new NeuralNetwork({ seed: 1 })
    .add(first)
    .add(new Dense(3))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());

describe('a model of Dense layers written as in Keras', () => {
  it('Dense(units, { inputShape }) gives the model its input shape, and saves and loads so', () => {
    const model = classifier(new Dense(8, { inputShape: [2], activation: 'relu' }));
    expect(model.inputShape).toEqual([2]);
    expect(model.outputShape).toEqual([3]);
    model.train(X, y, { epochs: 2 });
    const loaded = NeuralNetwork.fromBytes(model.toBytes());
    expect(loaded.layers[0]!.getConfig()).toMatchObject({ nIn: 2, nOut: 8, inputShape: [2] });
    expect(loaded.predictProba(X).data).toEqual(model.predictProba(X).data);
  });

  it('Dense(units) without inputShape waits for the first X', () => {
    const model = classifier(new Dense(8, { activation: 'relu' }));
    expect(model.inputShape).toBeUndefined();
    model.train(X, y, { epochs: 1 });
    expect(model.inputShape).toEqual([2]);
    expect(model.params().map((p) => p.value.shape)).toEqual([[2, 8], [8], [8, 3], [3]]);
  });
});
