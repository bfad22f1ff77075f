import { Conv2D, Dense, Flatten, MaxPooling2D, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { BatchNormalization } from '@neunet/regularization';
import { describe, expect, it } from 'vitest';
import { barImages } from '../test/image-data.js';
import { NeuralNetwork } from './neural-network.js';

function trainedCnn(): NeuralNetwork {
  const model = new NeuralNetwork({ seed: 3, learningRate: 0.01 })
    .add(new Conv2D({ filters: 4, kernelSize: 3, activation: 'relu', inputShape: [8, 8, 1] }))
    .add(new BatchNormalization())
    .add(new MaxPooling2D({ poolSize: 2 }))
    .add(new Flatten())
    .add(new Dense({ units: 3 }))
    .add(new Softmax());
  model.setLoss(new CategoricalCrossentropy());
  const { X, y } = barImages(64, 1);
  model.train(X, y, { epochs: 2, batchSize: 16 });
  return model;
}

describe('predict and predictProba in batches', () => {
  const model = trainedCnn();
  const { X } = barImages(50, 2);

  it('give the same values for any batch size, the last batch short', () => {
    const whole = model.predictProba(X, { batchSize: 50 });
    for (const batchSize of [1, 7, 16, 49]) {
      const batched = model.predictProba(X, { batchSize });
      expect(batched.shape).toEqual([50, 3]);
      expect(Array.from(batched.data)).toEqual(Array.from(whole.data));
      expect(model.predict(X, { batchSize })).toEqual(model.predict(X));
    }
  });

  it('return a result that later calls do not overwrite', () => {
    const first = model.predictProba(X, { batchSize: 8 });
    const copy = Array.from(first.data);
    model.predictProba(barImages(50, 5).X, { batchSize: 8 });
    expect(Array.from(first.data)).toEqual(copy);
  });

  it('reject a batch size that is not a whole number ≥ 1', () => {
    for (const batchSize of [0, -2, 1.5, Number.NaN]) {
      expect(() => model.predictProba(X, { batchSize })).toThrow(
        `predictProba: batchSize is ${batchSize}; expected a whole number ≥ 1`,
      );
    }
    expect(() => model.predict(X, { batchSize: 0 })).toThrow(/^predict: batchSize is 0/);
  });
});
