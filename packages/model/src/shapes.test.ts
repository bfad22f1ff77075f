import { Dense, Flatten, type Layer, ReLU, Reshape, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy, MeanSquaredError } from '@neunet/losses';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import { Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { NeuralNetwork } from './neural-network.js';

const SAMPLES = 64;
const STEPS = 5;
const FEATURES = 3;

/** Sequences [samples, time, features] and a per-time-step target tanh(x·A) [samples, time, 2]. */
function sequences(seed: number): { X: Tensor; Y: Tensor } {
  const rng = new Rng(seed);
  const X = Tensor.zeros([SAMPLES, STEPS, FEATURES]);
  for (let i = 0; i < X.size; i++) X.data[i] = rng.normal();
  const A = [0.8, -0.5, 0.3, 0.9, -0.7, 0.2];
  const Y = Tensor.zeros([SAMPLES, STEPS, 2]);
  for (let p = 0; p < SAMPLES * STEPS; p++) {
    for (let k = 0; k < 2; k++) {
      let s = 0;
      for (let j = 0; j < FEATURES; j++) s += X.data[p * FEATURES + j]! * A[j * 2 + k]!;
      Y.data[p * 2 + k] = Math.tanh(s);
    }
  }
  return { X, Y };
}

/** A model acting on every time step of [time, features] sequences. */
function sequenceModel(seed: number): NeuralNetwork {
  return new NeuralNetwork({ seed, inputShape: [STEPS, FEATURES], learningRate: 0.01 })
    .add(new Dense({ units: 16, activation: 'tanh' }))
    .add(new BatchNormalization())
    .add(new Dropout(0.1))
    .add(new Dense({ units: 2 }))
    .setLoss(new MeanSquaredError());
}

describe('a model on [time, features] samples', () => {
  it('is built from its inputShape as layers are added, and summarises every shape', () => {
    const model = sequenceModel(1);
    expect(model.inputShape).toEqual([5, 3]);
    expect(model.outputShape).toEqual([5, 2]);
    expect(model.params().map((p) => p.value.shape)).toEqual([
      [3, 16],
      [16],
      [16],
      [16],
      [16, 2],
      [2],
    ]);
    const summary = model.summary(() => {});
    expect(summary).toMatch(/dense \(Dense\)\s+\(None, 5, 16\)\s+64/);
    expect(summary).toMatch(/batch_normalization \(BatchNormalization\)\s+\(None, 5, 16\)\s+64/);
    expect(summary).toMatch(/dense_1 \(Dense\)\s+\(None, 5, 2\)\s+34/);
    expect(summary).toMatch(/Total params: 162/);
  });

  it('trains bit for bit the same from the same seed, and its loss falls', () => {
    const { X, Y } = sequences(0);
    const run = (seed: number) => {
      const model = sequenceModel(seed);
      const history = model.train(X, Y, { epochs: 30, batchSize: 16 });
      return { history, weights: model.getWeights(), pred: model.predictProba(X) };
    };
    const a = run(7);
    const b = run(7);
    expect(b.history).toEqual(a.history);
    expect(b.weights).toEqual(a.weights);
    expect(b.pred.data).toEqual(a.pred.data);
    expect(a.pred.shape).toEqual([SAMPLES, STEPS, 2]);
    expect(run(8).history.loss).not.toEqual(a.history.loss);
    const loss = a.history.loss;
    expect(loss.at(-1)!).toBeLessThan(0.3 * loss[0]!);
    // MAE over every value of every time step, as evaluate measures it.
    const evaluation = sequenceModel(7);
    evaluation.setWeights(a.weights);
    let sum = 0;
    a.pred.data.forEach((p, i) => {
      sum += Math.abs(p - Y.data[i]!);
    });
    expect(evaluation.evaluate(X, Y).mae).toBeCloseTo(sum / Y.size, 5);
  });

  it('takes nested arrays of any depth as X', () => {
    const model = new NeuralNetwork({ seed: 1 }).add(new Dense({ units: 2 }));
    const nested = [
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ];
    const proba = model.predictProba(nested);
    expect(proba.shape).toEqual([1, 2, 2]);
    expect(model.inputShape).toEqual([2, 3]);
    expect(model.predictProba(new Tensor(nested)).data).toEqual(proba.data);
  });

  it('classifies through Flatten, and names Flatten when classification meets an output of more axes', () => {
    const { X } = sequences(1);
    const labels = Int32Array.from({ length: SAMPLES }, (_, i) =>
      X.data[i * STEPS * FEATURES]! > 0 ? 1 : 0,
    );
    const model = new NeuralNetwork({ seed: 2, learningRate: 0.01 })
      .add(new Flatten())
      .add(new Dense({ units: 8, activation: 'relu' }))
      .add(new Dense({ units: 2 }))
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy());
    const history = model.train(X, labels, { epochs: 40, batchSize: 16 });
    expect(model.inputShape).toEqual([5, 3]);
    expect(model.layers[1]!.params()[0]!.value.shape).toEqual([15, 8]);
    expect(history.accuracy!.at(-1)).toBeGreaterThan(0.9);
    expect(model.predict(X)).toHaveLength(SAMPLES);

    const perStep = new NeuralNetwork({ seed: 2, inputShape: [STEPS, FEATURES] })
      .add(new Dense({ units: 2 }))
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy());
    const before = perStep.getWeights();
    expect(() => perStep.train(X, labels, { epochs: 1 })).toThrow(
      "train: the network's output has per-sample shape [5, 2], but CategoricalCrossentropy (a classification loss) needs one vector of class scores per sample, [classes]; add a Flatten layer before the last Dense layer",
    );
    expect(() => perStep.evaluate(X, labels)).toThrow(/evaluate: .*add a Flatten layer/);
    expect(() => perStep.predict(X)).toThrow(
      "predict: the network's output has per-sample shape [5, 2]; predict gives one class per sample and needs [classes]: use predictProba, or add a Flatten layer before the last Dense layer",
    );
    const regression = sequenceModel(1);
    expect(() => regression.train(X, sequences(0).Y, { epochs: 1, metrics: ['accuracy'] })).toThrow(
      /but the metric 'accuracy' needs one vector of class scores per sample/,
    );
    expect(() => regression.train(X, labels, { epochs: 1 })).toThrow(
      "train: y holds one label per sample but the network's output has per-sample shape [5, 2]; pass y as a Tensor of shape [samples, 5, 2]",
    );
    expect(() => regression.train(X, Tensor.zeros([SAMPLES, 10]), { epochs: 1 })).toThrow(
      "train: y has shape [64, 10] but the network's output is [64, 5, 2]",
    );
    expect(perStep.getWeights()).toEqual(before);
  });

  it('names both shapes when X does not fit, and changes nothing', () => {
    const model = new NeuralNetwork({ seed: 1 })
      .add(new Dense(4, 2))
      .setLoss(new MeanSquaredError());
    expect(model.inputShape).toEqual([4]);
    const before = model.getWeights();
    expect(() => model.predictProba(Tensor.zeros([2, 3, 4]))).toThrow(
      'predictProba: X has per-sample shape [3, 4] but the model is built for [4]',
    );
    expect(() => model.train(Tensor.zeros([2, 3, 4]), Tensor.zeros([2, 3, 2]))).toThrow(
      'train: X has per-sample shape [3, 4] but the model is built for [4]',
    );
    expect(model.getWeights()).toEqual(before);
    expect(() => model.build([3, 4])).toThrow(
      'NeuralNetwork.build: the model is built for [4], got [3, 4]',
    );
    expect(() => new NeuralNetwork({ inputShape: [0, 3] })).toThrow(
      'NeuralNetwork: inputShape: a per-sample shape must be a non-empty array of integers >= 1 (the batch axis left out), got [0,3]',
    );
    expect(() =>
      new NeuralNetwork({ inputShape: [5, 3] }).add(new Flatten()).add(new Dense(3, 2)),
    ).toThrow(
      'NeuralNetwork.add: layer 2 cannot follow the previous one: Dense(3, 2): expects inputs of shape [..., 3] (it maps the last axis), got [15]',
    );
  });

  it('an unbuilt stack stays unbuilt when a shape fails deep in it', () => {
    const model = new NeuralNetwork({ seed: 1 })
      .add(new BatchNormalization())
      .add(new Reshape([-1, 4]))
      .add(new Dense({ units: 3 }))
      .add(new Flatten())
      .add(new Dense(6, 1));
    const layers: Layer[] = model.layers;
    expect(() => model.predict(Tensor.zeros([2, 12]))).toThrow(
      'predict: X has per-sample shape [12]: at layer 5: Dense(6, 1): expects inputs of shape [..., 6] (it maps the last axis), got [9]',
    );
    expect(() => model.predict(Tensor.zeros([2, 10]))).toThrow(
      /at layer 2: Reshape\(\[-1, 4\]\): cannot reshape samples of shape \[10\] \(10 values\) to \[-1, 4\]/,
    );
    expect(layers.map((layer) => layer.params().length)).toEqual([0, 0, 0, 0, 2]);
    expect(model.inputShape).toBeUndefined();
    expect(model.summary(() => {})).toMatch(/dense \(Dense\)\s+\?\s+0/);
    expect(model.predictProba(Tensor.zeros([2, 8])).shape).toEqual([2, 1]);
    expect(model.inputShape).toEqual([8]);
    expect(model.summary(() => {})).toMatch(/reshape \(Reshape\)\s+\(None, 2, 4\)/);
    expect(model.summary(() => {})).toMatch(/dense \(Dense\)\s+\(None, 2, 3\)\s+15/);
  });
});

describe('new Dense({ units }) as the first layer', () => {
  const X = new Tensor(Array.from({ length: 12 }, (_, i) => [Math.sin(i), Math.cos(i), i / 12, 1]));
  const y = Int32Array.from({ length: 12 }, (_, i) => i % 3);
  const net = (seed: number, first: Layer, inputShape?: number[]) =>
    new NeuralNetwork({ seed, inputShape })
      .add(first)
      .add(new ReLU())
      .add(new Dense({ units: 3 }))
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy());

  it('takes its width from the first batch, with the weights the same seed gives Dense(nIn, nOut)', () => {
    const inferred = net(5, new Dense({ units: 8 }));
    expect(inferred.inputShape).toBeUndefined();
    expect(inferred.params()).toEqual([]);
    inferred.train(X, y, { epochs: 1, batchSize: 4 });
    expect(inferred.inputShape).toEqual([4]);

    // The same draws whichever way the width arrives: the model hands each layer its stream
    // when it is added, and a layer without its width yet draws from it when built.
    const given = net(5, new Dense({ units: 8 }), [4]);
    const fixed = net(5, new Dense(4, 8));
    const built = net(5, new Dense({ units: 8 }));
    built.build([4]);
    for (const other of [given, fixed, built]) {
      other.train(X, y, { epochs: 1, batchSize: 4 });
      expect(other.getWeights()).toEqual(inferred.getWeights());
    }
    expect(net(6, new Dense({ units: 8 })).train(X, y, { epochs: 1 }).loss).not.toEqual(
      net(5, new Dense({ units: 8 })).train(X, y, { epochs: 1 }).loss,
    );
  });

  it('saved before it knows its width, loads and trains to the same weights', () => {
    const model = net(5, new Dense({ units: 8 }));
    const loaded = NeuralNetwork.fromBytes(model.toBytes());
    expect(loaded.layers[0]!.getConfig()).toEqual({ type: 'Dense', nOut: 8, init: 'he' });
    model.train(X, y, { epochs: 2, batchSize: 4 });
    loaded.train(X, y, { epochs: 2, batchSize: 4 });
    expect(loaded.getWeights()).toEqual(model.getWeights());
    expect(NeuralNetwork.fromBytes(model.toBytes()).getWeights()).toEqual(model.getWeights());
  });
});

describe('model files (format 2)', () => {
  it('keep the input shape of several axes: a saved sequence model loads, predicts and resumes bit for bit', () => {
    const { X, Y } = sequences(3);
    const original = sequenceModel(1);
    original.train(X, Y, { epochs: 2, batchSize: 16 });
    const loaded = NeuralNetwork.fromBytes(original.toBytes());
    expect(loaded.inputShape).toEqual([5, 3]);
    expect(loaded.outputShape).toEqual([5, 2]);
    expect(Array.from(loaded.predictProba(X).data)).toEqual(
      Array.from(original.predictProba(X).data),
    );
    original.train(X, Y, { epochs: 2, batchSize: 16 });
    loaded.train(X, Y, { epochs: 2, batchSize: 16 });
    expect(loaded.history).toEqual(original.history);
    expect(Array.from(loaded.predictProba(X).data)).toEqual(
      Array.from(original.predictProba(X).data),
    );
  });
});
