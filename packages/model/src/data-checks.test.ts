import { Dense, Sigmoid, Softmax } from '@neunet/layers';
import { BinaryCrossentropy, CategoricalCrossentropy, type Target } from '@neunet/losses';
import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import type { BatchIterable } from './batch-source.js';
import { NeuralNetwork } from './neural-network.js';

const X = new Tensor(
  Float32Array.from({ length: 12 }, (_, i) => (i % 5) / 5 - 0.4),
  [6, 2],
);

function binary(): NeuralNetwork {
  return new NeuralNetwork({ seed: 1 })
    .add(new Dense(2, 1))
    .add(new Sigmoid())
    .setLoss(new BinaryCrossentropy());
}

function classifier(): NeuralNetwork {
  return new NeuralNetwork({ seed: 1 })
    .add(new Dense(2, 3))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());
}

const goodBinary = new Tensor(Float32Array.from([0, 1, 0, 1, 1, 0]), [6, 1]);

/** The message each way in gives for the same bad y, with the way in's own prefix removed. */
async function messages(make: () => NeuralNetwork, bad: Target, good: Target) {
  const caught = async (where: string, run: () => unknown) => {
    try {
      await run();
    } catch (error) {
      const message = (error as Error).message;
      expect(message.startsWith(`${where}: `), message).toBe(true);
      return message.slice(where.length + 2);
    }
    throw new Error(`${where} accepted the bad data`);
  };
  const source: BatchIterable = {
    async *[Symbol.asyncIterator]() {
      yield { x: X, y: bad };
    },
  };
  return {
    train: await caught('train', () => make().train(X, bad, { epochs: 1 })),
    validationData: await caught('train: validationData', () =>
      make().train(X, good, { epochs: 1, validationData: [X, bad] }),
    ),
    trainAsync: await caught('trainAsync: batch 1 of epoch 1', () =>
      make().trainAsync(source, { epochs: 1 }),
    ),
    evaluate: await caught('evaluate', () => make().evaluate(X, bad)),
    trainOnBatch: await caught('trainOnBatch', () => make().trainOnBatch(X, bad)),
  };
}

describe('one check for every piece of data', () => {
  it('a BCE target of 2 gets the same error through train, validationData, a batch source, evaluate and trainOnBatch', async () => {
    const bad = new Tensor(Float32Array.from([0, 1, 0, 2, 1, 0]), [6, 1]);
    const found = await messages(binary, bad, goodBinary);
    expect(found.train).toMatch(/target 2 at row 3, column 0 is outside \[0, 1\]/);
    for (const message of Object.values(found)) expect(message).toBe(found.train);
  });

  it('a label out of range gets the same error everywhere', async () => {
    const bad = Int32Array.from([0, 1, 2, 5, 1, 0]);
    const found = await messages(classifier, bad, Int32Array.from([0, 1, 2, 0, 1, 2]));
    expect(found.train).toMatch(/label 5 at index 3 is outside \[0, 3\)/);
    for (const message of Object.values(found)) expect(message).toBe(found.train);
  });

  it('a NaN in y gets the same error everywhere', async () => {
    const bad = new Tensor(Float32Array.from([0, 1, 0, Number.NaN, 1, 0]), [6, 1]);
    const found = await messages(binary, bad, goodBinary);
    expect(found.train).toMatch(/y holds NaN at row 3/);
    for (const message of Object.values(found)) expect(message).toBe(found.train);
  });

  it('evaluate refuses a bad target before running a batch, leaving the model as it was', () => {
    const model = binary();
    const before = model.getWeights();
    const bad = new Tensor(Float32Array.from([0, 1, 0, 2, 1, 0]), [6, 1]);
    expect(() => model.evaluate(X, bad)).toThrow(/^evaluate: BinaryCrossentropy/);
    expect(model.getWeights()).toEqual(before);
  });
});
