import { createData } from '@neunet/datasets';
import { Dense, Linear, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy, MeanSquaredError, type Target } from '@neunet/losses';
import { exponentialDecay, SGD } from '@neunet/optimizers';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import type { Callback, TrainingContext } from './callbacks/callbacks.js';
import { LearningRateScheduler } from './callbacks/learning-rate-scheduler.js';
import { NeuralNetwork } from './neural-network.js';

const { X, y } = createData({ samples: 60, classes: 3, seed: 4 });
/** The class index as a value to regress on. */
const values = new Tensor(Float32Array.from(y), [y.length, 1]);

/** A classifier with BatchNormalization and Dropout, trained by SGD with momentum and a schedule. */
function classifier(): NeuralNetwork {
  const schedule = exponentialDecay({ decayRate: 0.5, decaySteps: 7 });
  const optimizer = new SGD({ learningRate: 0.05, momentum: 0.9, schedule });
  return new NeuralNetwork({ seed: 3, optimizer })
    .add(new Dense(2, 16))
    .add(new BatchNormalization())
    .add(new ReLU())
    .add(new Dropout(0.2))
    .add(new Dense(16, 3))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());
}

/** The same body as a regression, trained by plain SGD at learning rate 10: it diverges. */
function divergingRegression(): NeuralNetwork {
  // Seed 2 diverges on its 4th batch while the predictions of the 3rd are still finite.
  return new NeuralNetwork({ seed: 2, optimizer: new SGD({ learningRate: 10 }) })
    .add(new Dense(2, 4))
    .add(new BatchNormalization())
    .add(new ReLU())
    .add(new Dropout(0.2))
    .add(new Dense(4, 1))
    .add(new Linear())
    .setLoss(new MeanSquaredError());
}

/** The whole model as a file, and its predictions, after every accepted batch and epoch. */
class LastAccepted implements Callback {
  bytes: Uint8Array | undefined;
  weights: Tensor[] = [];
  random: unknown;
  scale = 0;
  proba: Float32Array | undefined;
  accepted = 0;
  onBatchEnd(_batch: number, _logs: unknown, context: TrainingContext): void {
    this.accepted++;
    this.record(context.model as NeuralNetwork);
  }
  onEpochEnd(_epoch: number, _logs: unknown, context: TrainingContext): void {
    this.record(context.model as NeuralNetwork);
  }
  record(model: NeuralNetwork): void {
    // The saved file holds the weights, running statistics, optimizer state (moments,
    // step counts that drive the schedule), the learning-rate scale and every random stream.
    this.bytes = model.toBytes();
    this.weights = model.getWeights();
    this.random = model.randomState();
    this.scale = model.learningRateScale;
    this.proba = model.predictProba(X).data.slice();
  }
}

/** Trains until a batch is rejected; checks that the model is exactly as after the last accepted one. */
function expectRejectedBatchChangesNothing(
  model: NeuralNetwork,
  x: Tensor,
  target: Target,
  cause: RegExp,
): void {
  const last = new LastAccepted();
  // A scale that changes at every epoch's start, so that restoring it is observable.
  const scheduler = new LearningRateScheduler((epoch) => 1 / (epoch + 1));
  expect(() =>
    model.train(x, target, { epochs: 50, batchSize: 8, callbacks: [scheduler, last] }),
  ).toThrow(cause);
  expect(last.accepted).toBeGreaterThan(0);
  expect(Array.from(last.proba!).every(Number.isFinite)).toBe(true);
  expect(model.toBytes()).toEqual(last.bytes);
  expect(model.getWeights()).toEqual(last.weights);
  expect(model.randomState()).toEqual(last.random);
  expect(model.learningRateScale).toBe(last.scale);
  expect(model.predictProba(X).data).toEqual(last.proba);
}

describe('a rejected batch changes nothing', () => {
  it('when plain SGD at learning rate 10 diverges', () => {
    expectRejectedBatchChangesNothing(
      divergingRegression(),
      X,
      values,
      /non-finite value at epoch \d+, batch \d+: layer \d \(Dense\) gradient/,
    );
  });

  it('when a finite input of 3e38 overflows, after accepted batches of the same call', () => {
    const model = classifier();
    model.train(X, y, { epochs: 2, batchSize: 8 });
    const x = X.clone();
    x.data[2 * 40] = 3e38;
    x.data[2 * 40 + 1] = 3e38;
    expectRejectedBatchChangesNothing(model, x, y, /layer 1 \(Dense\) output holds -?Infinity/);
  });

  it('when the first batch of a call is rejected: the model is as before the call', () => {
    const model = classifier();
    model.train(X, y, { epochs: 2, batchSize: 8 });
    const before = model.toBytes();
    const proba = model.predictProba(X).data.slice();
    const x = X.clone();
    x.data.fill(3e38);
    expect(() => model.train(x, y, { epochs: 1, batchSize: 8 })).toThrow(/batch 1:/);
    expect(model.toBytes()).toEqual(before);
    expect(model.predictProba(X).data).toEqual(proba);
    // And training goes on exactly as if the rejected call had never happened.
    const twin = NeuralNetwork.fromBytes(before);
    expect(model.train(X, y, { epochs: 2 }).loss).toEqual(twin.train(X, y, { epochs: 2 }).loss);
    expect(model.toBytes()).toEqual(twin.toBytes());
  });
});
