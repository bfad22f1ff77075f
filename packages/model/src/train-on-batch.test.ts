import { createData } from '@neunet/datasets';
import { describe, expect, it } from 'vitest';
import { seedNetwork } from '../test/test-networks.js';

const { X, y } = createData({ samples: 40, classes: 3, seed: 2 });

describe('trainOnBatch', () => {
  it('takes one optimizer step, as train does for one epoch of one unshuffled batch', () => {
    const stepped = seedNetwork(5);
    const trained = seedNetwork(5);
    const logs = stepped.trainOnBatch(X, y);
    const history = trained.train(X, y, { epochs: 1, batchSize: 0, shuffle: false });
    expect(stepped.getWeights()).toEqual(trained.getWeights());
    expect(logs).toEqual({ loss: history.loss[0], accuracy: history.accuracy![0] });
  });

  it('counts no epoch and leaves the history alone', () => {
    const model = seedNetwork(5);
    model.train(X, y, { epochs: 2 });
    const history = structuredClone(model.history);
    for (let i = 0; i < 3; i++) model.trainOnBatch(X, y);
    expect(model.epochsTrained).toBe(2);
    expect(model.history).toEqual(history);
  });

  it('changes the weights at every call, with the loss of the batch before its step', () => {
    const model = seedNetwork(5, false);
    const first = model.trainOnBatch(X, y).loss;
    const second = model.trainOnBatch(X, y).loss;
    expect(second).toBeLessThan(first);
    expect(model.evaluate(X, y).loss).toBeLessThan(second);
  });
});
