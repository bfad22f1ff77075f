import { createData } from '@neunet/datasets';
import { Dense, Linear, ReLU, Sigmoid, Tanh } from '@neunet/layers';
import { BinaryCrossentropy, MeanAbsoluteError, MeanSquaredError } from '@neunet/losses';
import { Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { seedNetwork } from '../test/test-networks.js';
import { NeuralNetwork } from './neural-network.js';

function sine(n: number, seed: number): { X: Tensor; y: Tensor } {
  const rng = new Rng(seed);
  const X = Tensor.zeros([n, 1]);
  const y = Tensor.zeros([n, 1]);
  for (let i = 0; i < n; i++) {
    const x = rng.uniformRange(-3, 3);
    X.data[i] = x;
    y.data[i] = Math.sin(x) + rng.normal(0, 0.05);
  }
  return { X, y };
}

function regression(loss: MeanSquaredError | MeanAbsoluteError, learningRate = 0.01) {
  return new NeuralNetwork({ seed: 3, learningRate })
    .add(new Dense(1, 32))
    .add(new Tanh())
    .add(new Dense(32, 1))
    .add(new Linear())
    .setLoss(loss);
}

/** mean |pred − y| by hand, in float64. */
function meanAbsoluteError(model: NeuralNetwork, X: Tensor, y: Tensor): number {
  const pred = model.predictProba(X).data;
  return pred.reduce((s, p, i) => s + Math.abs(p - y.data[i]!), 0) / pred.length;
}

describe('one train/predict/evaluate for every task, with the right metric', () => {
  it('regression (Linear + MSE): mae in history and evaluate, equal to the hand-computed value', () => {
    const { X, y } = sine(200, 1);
    const val = sine(50, 2);
    const frozen = regression(new MeanSquaredError(), 1e-30);
    const h0 = frozen.train(X, y, { epochs: 1, validationData: [val.X, val.y] });
    // With a negligible rate the model does not move, so the epoch's MAE is the data's.
    expect(h0.mae![0]).toBeCloseTo(meanAbsoluteError(frozen, X, y), 6);
    expect(h0.val_mae![0]).toBeCloseTo(meanAbsoluteError(frozen, val.X, val.y), 6);
    expect(h0.accuracy).toBeUndefined();
    expect(h0.val_accuracy).toBeUndefined();

    const model = regression(new MeanSquaredError());
    const history = model.train(X, y, { epochs: 150, batchSize: 16 });
    expect(history.mae).toHaveLength(150);
    const evaluation = model.evaluate(val.X, val.y);
    expect(evaluation.accuracy).toBeUndefined();
    expect(evaluation.mae).toBeCloseTo(meanAbsoluteError(model, val.X, val.y), 6);
    expect(evaluation.mae!).toBeLessThan(0.1);
  });

  it('regression with MeanAbsoluteError as the loss', () => {
    const { X, y } = sine(200, 3);
    const model = regression(new MeanAbsoluteError());
    const history = model.train(X, y, { epochs: 100, batchSize: 16 });
    // The data loss is the MAE itself (no penalty): the two columns agree.
    history.loss.forEach((l, i) => {
      expect(l).toBeCloseTo(history.mae![i]!, 6);
    });
    expect(model.evaluate(X, y).mae!).toBeLessThan(history.mae![0]! / 3);
  });

  it('predict on a regression refuses to threshold the outputs and names predictProba', () => {
    const { X, y } = sine(20, 4);
    for (const loss of [new MeanSquaredError(), new MeanAbsoluteError()]) {
      const model = regression(loss);
      model.train(X, y, { epochs: 2 });
      const before = model.getWeights();
      expect(() => model.predict(X)).toThrow(
        `predict: the loss ${loss.getConfig().type} is a regression loss, and predict returns class labels; use predictProba for the network's outputs`,
      );
      expect(model.getWeights()).toEqual(before);
      expect(model.predictProba(X).shape).toEqual([20, 1]);
    }
  });

  it('binary (Sigmoid + BinaryCrossentropy, 0/1 labels): accuracy in history, classes from predict', () => {
    // Inside or outside a circle: separable, but not by a line.
    const rng = new Rng(4);
    const X = Tensor.zeros([200, 2]);
    const labels = new Int32Array(200);
    for (let i = 0; i < 200; i++) {
      const [u, v] = [rng.uniformRange(-1, 1), rng.uniformRange(-1, 1)];
      X.data.set([u, v], 2 * i);
      labels[i] = u * u + v * v < 0.4 ? 1 : 0;
    }
    const model = new NeuralNetwork({ seed: 4, learningRate: 0.01 })
      .add(new Dense(2, 32))
      .add(new ReLU())
      .add(new Dense(32, 1))
      .add(new Sigmoid())
      .setLoss(new BinaryCrossentropy());
    const history = model.train(X, labels, {
      epochs: 100,
      batchSize: 20,
      validationData: [X, labels],
    });
    expect(history.accuracy).toHaveLength(100);
    expect(history.val_accuracy).toHaveLength(100);
    expect(history.mae).toBeUndefined();
    const predicted = model.predict(X);
    const correct = predicted.reduce((n, p, i) => n + (p === labels[i] ? 1 : 0), 0);
    expect(model.evaluate(X, labels).accuracy).toBe(correct / labels.length);
    expect(model.evaluate(X, labels).accuracy!).toBeGreaterThan(0.9);
  });

  it('multi-class (Softmax + categorical cross-entropy): accuracy in history', () => {
    const { X, y } = createData({ samples: 40, classes: 3, seed: 5 });
    const history = seedNetwork(5).train(X, y, { epochs: 5 });
    expect(history.accuracy).toHaveLength(5);
    expect(history.mae).toBeUndefined();
  });
});
