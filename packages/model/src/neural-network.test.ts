import { createData } from '@neunet/datasets';
import { Dense, ReLU, Sigmoid, Softmax } from '@neunet/layers';
import { BinaryCrossentropy, CategoricalCrossentropy, MeanSquaredError } from '@neunet/losses';
import { Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { seedNetwork } from '../test/test-networks.js';
import { NeuralNetwork } from './neural-network.js';

const { X, y } = createData({ samples: 30, classes: 3, seed: 1 });

function smallNet(seed = 1): NeuralNetwork {
  return new NeuralNetwork({ seed })
    .add(new Dense(2, 8))
    .add(new ReLU())
    .add(new Dense(8, 3))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());
}

describe('NeuralNetwork', () => {
  it('keeps the added layers in order and summarises them', () => {
    const model = seedNetwork(0);
    expect(model.layers.map((l) => l.getConfig().type).slice(0, 5)).toEqual([
      'Dense',
      'BatchNormalization',
      'ReLU',
      'Dropout',
      'Dense',
    ]);
    const summary = model.summary(() => {});
    expect(summary).toContain('dense_1 (Dense)');
    expect(summary).toContain('(None, 128)');
    // (2·128+128) + 4·128 (gamma, beta, moving mean and variance) + (128·64+64) + 4·64 + (64·32+32) + 4·32 + (32·3+3)
    expect(summary).toContain('Total params: 11,715');
  });

  it('returns one value per epoch in history, with accuracy for a classifier', () => {
    const history = smallNet().train(X, y, { epochs: 5, batchSize: 16 });
    expect(history.loss).toHaveLength(5);
    expect(history.accuracy).toHaveLength(5);
    expect(history.loss[4]!).toBeLessThan(history.loss[0]!);
  });

  it('records val_loss and val_accuracy with validationSplit and validationData', () => {
    const a = smallNet().train(X, y, { epochs: 3, validationSplit: 0.2 });
    expect(a.val_loss).toHaveLength(3);
    expect(a.val_accuracy).toHaveLength(3);
    const b = smallNet().train(X, y, { epochs: 3, validationData: [X, y] });
    expect(b.val_loss).toHaveLength(3);
  });

  it('reports history.loss as the sample-weighted mean of its batch losses', () => {
    // With shuffle off and a learning rate of almost zero, the epoch's loss equals the
    // loss of the (unchanged) model over all samples, whatever the batch split.
    const model = new NeuralNetwork({ seed: 3, optimizer: 'sgd', learningRate: 1e-30 })
      .add(new Dense(2, 3))
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy({ l2: 0.01 }));
    const expected = model.evaluate(X, y).loss;
    const history = model.train(X, y, { epochs: 1, batchSize: 32, shuffle: false });
    expect(history.loss[0]).toBeCloseTo(expected, 5);
  });

  it('gives bit-identical history and predictions for the same seed, different ones for another', () => {
    const run = (seed: number) => {
      const model = seedNetwork(seed);
      const history = model.train(X, y, { epochs: 20 });
      return { history, proba: model.predictProba(X).data };
    };
    const a = run(7);
    const b = run(7);
    const c = run(8);
    expect(b.history).toEqual(a.history);
    expect(b.proba).toEqual(a.proba);
    expect(c.history.loss).not.toEqual(a.history.loss);
  });

  it('predicts class indices and probabilities whose rows sum to 1', () => {
    const model = smallNet();
    model.train(X, y, { epochs: 2 });
    const proba = model.predictProba(X);
    expect(proba.shape).toEqual([90, 3]);
    for (let r = 0; r < proba.rows; r++) {
      expect(proba.get(r, 0) + proba.get(r, 1) + proba.get(r, 2)).toBeCloseTo(1, 5);
    }
    const predicted = model.predict(X);
    expect(predicted).toBeInstanceOf(Int32Array);
    for (let r = 0; r < proba.rows; r++) {
      const row = [proba.get(r, 0), proba.get(r, 1), proba.get(r, 2)];
      expect(predicted[r]).toBe(row.indexOf(Math.max(...row)));
    }
  });

  it('accepts nested arrays and one-hot targets', () => {
    const nested = X.toArray();
    const oneHot = Tensor.zeros([y.length, 3]);
    y.forEach((label, i) => {
      oneHot.data[i * 3 + label] = 1;
    });
    const a = smallNet(5).train(nested, y, { epochs: 3, shuffle: false });
    const b = smallNet(5).train(X, oneHot, { epochs: 3, shuffle: false });
    expect(b.loss).toEqual(a.loss);
  });

  it('stops early from startFromEpoch on and restores the best epoch', () => {
    const model = seedNetwork(1);
    const history = model.train(X, y, { epochs: 400, patience: 5, startFromEpoch: 20 });
    expect(history.stoppedEpoch).toBeDefined();
    const stopped = history.stoppedEpoch!;
    const best = history.bestEpoch!;
    expect(history.loss).toHaveLength(stopped + 1);
    expect(stopped - best).toBe(5);
    expect(best).toBeGreaterThanOrEqual(20);
    expect(Math.min(...history.loss.slice(20))).toBe(history.loss[best]);
  });

  it('trains a binary classifier with Sigmoid and BinaryCrossentropy', () => {
    // Inside or outside a circle: separable, but not by a line.
    const rng = new Rng(2);
    const bx = Tensor.zeros([200, 2]);
    const by = new Int32Array(200);
    for (let i = 0; i < 200; i++) {
      const [u, v] = [rng.uniformRange(-1, 1), rng.uniformRange(-1, 1)];
      bx.data.set([u, v], 2 * i);
      by[i] = u * u + v * v < 0.4 ? 1 : 0;
    }
    const model = new NeuralNetwork({ seed: 2, learningRate: 0.01 })
      .add(new Dense(2, 32))
      .add(new ReLU())
      .add(new Dense(32, 1))
      .add(new Sigmoid())
      .setLoss(new BinaryCrossentropy());
    model.train(bx, by, { epochs: 200, batchSize: 20 });
    expect(model.evaluate(bx, by).accuracy!).toBeGreaterThan(0.9);
    expect(Array.from(new Set(model.predict(bx))).sort()).toEqual([0, 1]);
  });

  it('trains a regression network with MeanSquaredError (no accuracy)', () => {
    const inputs = Tensor.zeros([64, 1]);
    const targets = Tensor.zeros([64, 1]);
    for (let i = 0; i < 64; i++) {
      inputs.data[i] = i / 32 - 1;
      targets.data[i] = 3 * inputs.data[i]! - 0.5;
    }
    const model = new NeuralNetwork({ seed: 1, learningRate: 0.01 })
      .add(new Dense(1, 1))
      .setLoss(new MeanSquaredError());
    const history = model.train(inputs, targets, { epochs: 300, batchSize: 16 });
    expect(history.accuracy).toBeUndefined();
    expect(model.evaluate(inputs, targets).loss).toBeLessThan(1e-3);
  });

  it('restores weights and running statistics with setWeights', () => {
    const model = seedNetwork(3);
    model.train(X, y, { epochs: 2 });
    const saved = model.getWeights();
    const before = model.predictProba(X).data;
    model.train(X, y, { epochs: 2 });
    expect(model.predictProba(X).data).not.toEqual(before);
    model.setWeights(saved);
    expect(model.predictProba(X).data).toEqual(before);
  });
});

describe('NeuralNetwork rejects bad input without touching the model', () => {
  const cases: [string, (m: NeuralNetwork) => unknown, RegExp][] = [
    [
      'NaN in X',
      (m) => m.train(withValue(X, 5, Number.NaN), y),
      /X holds NaN at row 2, column 1; expected finite/,
    ],
    [
      'Infinity in X',
      (m) => m.train(withValue(X, 0, Number.POSITIVE_INFINITY), y),
      /X holds Infinity at row 0/,
    ],
    [
      'NaN in a one-hot y',
      (m) => m.train(X, withValue(Tensor.zeros([90, 3]), 4, Number.NaN)),
      /y holds NaN at row 1/,
    ],
    [
      'a label out of range',
      (m) => m.train(X, withLabel(y, 7, 3)),
      /label 3 at index 7 is outside \[0, 3\)/,
    ],
    [
      'a negative label',
      (m) => m.train(X, withLabel(y, 0, -1)),
      /label -1 at index 0 is outside \[0, 3\)/,
    ],
    [
      'a one-hot row of the wrong width',
      (m) => m.train(X, Tensor.zeros([90, 4])),
      /y has shape \[90, 4\] but the network's output is \[90, 3\]/,
    ],
    [
      'X and y of different lengths',
      (m) => m.train(X, y.subarray(0, 80)),
      /X has 90 samples but y has 80 labels/,
    ],
    [
      'the wrong input width',
      (m) => m.train(Tensor.zeros([90, 3]), y),
      /X has per-sample shape \[3\] but the model is built for \[2\]/,
    ],
    ['an empty data set', (m) => m.train(Tensor.zeros([0, 2]), new Int32Array(0)), /X is empty/],
    [
      'a batch size out of range',
      (m) => m.train(X, y, { batchSize: -1 }),
      /batchSize must be an integer >= 0, got -1/,
    ],
    [
      'a fractional epoch count',
      (m) => m.train(X, y, { epochs: 1.5 }),
      /epochs must be an integer >= 1, got 1.5/,
    ],
    [
      'a validation split out of range',
      (m) => m.train(X, y, { validationSplit: 1.2 }),
      /validationSplit must be in \(0, 1\)/,
    ],
    [
      'a negative patience',
      (m) => m.train(X, y, { patience: -2 }),
      /patience must be an integer >= 0/,
    ],
    [
      'startFromEpoch without patience',
      (m) => m.train(X, y, { startFromEpoch: 100 }),
      /startFromEpoch applies to early stopping; pass patience with it/,
    ],
    [
      'labels as a plain array',
      (m) => m.train(X, [0, 1] as unknown as Int32Array),
      /Int32Array of class indices or a Tensor, got an array/,
    ],
    [
      'class labels for a loss that wants values (the seed network has BatchNormalization)',
      (m) => m.setLoss(new MeanSquaredError()).train(X, y),
      /train: MeanSquaredError.forward: target is an Int32Array/,
    ],
    [
      'a 1-D X',
      (m) => m.predict(new Tensor(new Float32Array(4), [4])),
      /X must be at least 2-D, \[samples, ...per-sample shape\] \(\[samples, features\] for a table\), got shape \[4\]/,
    ],
  ];
  for (const [what, act, message] of cases) {
    it(what, () => {
      const model = seedNetwork(1);
      const before = model.getWeights();
      expect(() => act(model)).toThrow(message);
      expect(model.getWeights()).toEqual(before);
    });
  }

  it('train before setLoss', () => {
    const model = new NeuralNetwork({ seed: 1 }).add(new Dense(2, 3));
    expect(() => model.train(X, y)).toThrow(/no loss set; call setLoss/);
  });

  it('a layer that does not fit the previous one', () => {
    const model = new NeuralNetwork().add(new Dense(2, 16));
    expect(() => model.add(new Dense(8, 3))).toThrow(
      /layer 2 cannot follow.*Dense\(8, 3\): expects inputs of shape \[\.\.\., 8\] \(it maps the last axis\), got \[16\]/,
    );
  });

  it('a learning rate out of range', () => {
    expect(() => new NeuralNetwork({ learningRate: 0 })).toThrow(/learningRate/);
    expect(() => new Dense(2, 3, { learningRate: Number.NaN })).toThrow(
      /learningRate must be a finite number > 0/,
    );
  });

  it('a dropout rate out of range', async () => {
    const { Dropout } = await import('@neunet/regularization');
    expect(() => new Dropout(1.5)).toThrow(/rate must be in \[0, 1\)/);
  });
});

function withValue(t: Tensor, index: number, value: number): Tensor {
  const copy = t.clone();
  copy.data[index] = value;
  return copy;
}

function withLabel(labels: Int32Array, index: number, value: number): Int32Array {
  const copy = labels.slice();
  copy[index] = value;
  return copy;
}
