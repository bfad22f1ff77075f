import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createData } from '@neunet/datasets';
import { Dense, Linear, ReLU, Softmax } from '@neunet/layers';
import {
  CategoricalCrossentropy,
  type Loss,
  MeanSquaredError,
  WeightPenalty,
} from '@neunet/losses';
import { logLoss, meanSquaredError, topKAccuracy } from '@neunet/metrics';
import { Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import type { MetricFn } from './metrics.js';
import { NeuralNetwork } from './neural-network.js';

const { X, y } = createData({ samples: 20, classes: 3, seed: 0 });
const val = createData({ samples: 8, classes: 3, seed: 1 });

function classifier(loss: Loss = new CategoricalCrossentropy()): NeuralNetwork {
  return new NeuralNetwork({ seed: 5 })
    .add(new Dense(2, 8))
    .add(new ReLU())
    .add(new Dense(8, 3))
    .add(new Softmax())
    .setLoss(loss);
}

/** The mean probability the model gives the true class: a metric of the user's own. */
function trueClassProbability(yTrue: Int32Array | Tensor, yPred: Tensor): number {
  const labels = yTrue as Int32Array;
  let sum = 0;
  for (let r = 0; r < yPred.rows; r++) sum += yPred.data[r * yPred.cols + labels[r]!]!;
  return sum / yPred.rows;
}

describe('the metrics option', () => {
  it("gives a user's loss that declares nothing real accuracy with metrics: ['accuracy']", () => {
    const cce = new CategoricalCrossentropy();
    const loss: Loss = {
      penalty: new WeightPenalty(),
      forward: (pred, target) => cce.forward(pred, target),
      backward: (pred, target, out) => cce.backward(pred, target, out),
      getConfig: () => ({ type: 'MyLoss', l1: 0, l2: 0 }),
    };
    const model = classifier(loss);
    const history = model.train(X, y, {
      epochs: 2,
      batchSize: 0,
      metrics: ['accuracy'],
      validationData: [val.X, val.y],
    });
    expect(history.accuracy).toHaveLength(2);
    expect(history.mae).toBeUndefined();
    const predicted = model.predict(val.X);
    const right = predicted.filter((c, i) => c === val.y[i]).length;
    expect(history.val_accuracy![1]).toBe(right / val.y.length);
    expect(model.evaluate(val.X, val.y, { metrics: ['accuracy'] }).accuracy).toBe(
      right / val.y.length,
    );
  });

  it("records history[name] and history['val_' + name] per epoch for names and functions", () => {
    const model = classifier();
    const named: MetricFn = (t, p) => 1 - trueClassProbability(t, p);
    const history = model.train(X, y, {
      epochs: 3,
      batchSize: 16,
      metrics: ['top2', 'mse', 'logLoss', trueClassProbability, { name: 'miss', fn: named }],
      validationData: [val.X, val.y],
    });
    const keys = ['top2', 'mse', 'logLoss', 'trueClassProbability', 'miss'];
    for (const key of keys) {
      expect(history[key]).toHaveLength(3);
      expect(history[`val_${key}`]).toHaveLength(3);
    }
    // Asked-for metrics replace the default, as in Keras.
    expect(history.accuracy).toBeUndefined();
    expect(history.val_accuracy).toBeUndefined();
    // The validation set is one batch: each value is the metric of the final predictions.
    const proba = model.predictProba(val.X);
    const last = (key: string) => (history[`val_${key}`] as number[])[2];
    expect(last('top2')).toBe(topKAccuracy(val.y, proba, 2));
    expect(last('logLoss')).toBe(logLoss(val.y, proba));
    expect(last('trueClassProbability')).toBe(trueClassProbability(val.y, proba));
    expect(last('miss')).toBe(1 - trueClassProbability(val.y, proba));
    const oneHot = Tensor.zeros([val.y.length, 3]);
    val.y.forEach((c, r) => {
      oneHot.data[r * 3 + c] = 1;
    });
    expect(last('mse')).toBe(meanSquaredError(oneHot, proba));
    // evaluate measures the same, under the same names.
    const evaluation = model.evaluate(val.X, val.y, {
      metrics: ['top2', trueClassProbability],
    });
    expect(evaluation).toEqual({
      loss: history.val_loss![2],
      top2: last('top2'),
      trueClassProbability: last('trueClassProbability'),
    });
  });

  it('a function metric is the mean of its batch values weighted by their rows', () => {
    const seen: number[][] = [];
    const rowsTimesTen: MetricFn = (_t, p) => {
      seen.push([p.rows]);
      return p.rows * 10;
    };
    // 60 samples in batches of 25: 25, 25, 10 rows.
    const history = classifier().train(X, y, {
      epochs: 1,
      batchSize: 25,
      metrics: [{ name: 'rows', fn: rowsTimesTen }],
    });
    expect(seen).toEqual([[25], [25], [10]]);
    expect(history.rows).toEqual([(250 * 25 + 250 * 25 + 100 * 10) / 60]);
  });

  it('keeps the default by the loss: MAE for a regression loss, and metrics as asked', () => {
    const reg = createData({ samples: 10, classes: 2, seed: 2 });
    const yt = new Tensor(Float32Array.from(reg.y), [reg.y.length, 1]);
    const model = new NeuralNetwork({ seed: 1 })
      .add(new Dense(2, 4))
      .add(new Dense(4, 1))
      .setLoss(new MeanSquaredError());
    const history = model.train(reg.X, yt, { epochs: 2, metrics: ['mae', 'mse'] });
    expect(history.mae).toHaveLength(2);
    expect(history.mse).toHaveLength(2);
    const plain = new NeuralNetwork({ seed: 1 })
      .add(new Dense(2, 4))
      .add(new Dense(4, 1))
      .setLoss(new MeanSquaredError())
      .train(reg.X, yt, { epochs: 2 });
    expect(plain.mae).toEqual(history.mae);
    expect(plain.mse).toBeUndefined();
  });

  it('names what is wrong with a metric before anything trains', () => {
    const model = classifier();
    const before = model.getWeights().map((t) => Array.from(t.data));
    expect(() => model.train(X, y, { metrics: ['top'] as never })).toThrow(
      /train: unknown metric 'top'; expected one of accuracy, mae, mse, logLoss, 'top<k>'/,
    );
    expect(() => model.train(X, y, { metrics: [(_t, _p) => 0] })).toThrow(
      /a metric function needs a name: pass \{ name: 'myMetric', fn \}/,
    );
    expect(() => model.train(X, y, { metrics: ['mse', 'mse'] })).toThrow(
      /metric name 'mse' is taken/,
    );
    expect(() => model.train(X, y, { metrics: [{ name: 'stoppedEpoch', fn: () => 0 }] })).toThrow(
      /metric name 'stoppedEpoch' is taken/,
    );
    expect(() => model.evaluate(X, y, { metrics: ['constructor'] as never })).toThrow(
      /evaluate: unknown metric 'constructor'/,
    );
    expect(model.getWeights().map((t) => Array.from(t.data))).toEqual(before);
    expect(model.epochsTrained).toBe(0);
  });

  it('saves and loads the metrics history, and resumes it exactly', () => {
    const options = {
      epochs: 2,
      batchSize: 16,
      metrics: ['top2' as const, trueClassProbability],
      validationData: [val.X, val.y] as [Tensor, Int32Array],
    };
    const straight = classifier();
    straight.train(X, y, options);
    straight.train(X, y, options);
    const first = classifier();
    first.train(X, y, options);
    const file = join(mkdtempSync(join(tmpdir(), 'neunet-metrics-')), 'half.neunet');
    first.save(file);
    const resumed = NeuralNetwork.load(file);
    expect(resumed.history).toEqual(first.history);
    resumed.train(X, y, options);
    expect(resumed.history).toEqual(straight.history);
    expect(resumed.history.val_top2).toHaveLength(4);
  });

  it("'mse' and 'mae' on outputs of several axes ([n, 5, 2]): the mean over every value, in train and evaluate", () => {
    const rng = new Rng(9);
    const random = (shape: number[]) => {
      const t = Tensor.zeros(shape);
      for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(0, 1);
      return t;
    };
    const Xs = random([12, 5, 3]);
    const ys = random([12, 5, 2]);
    // A learning rate too small to move the weights: every epoch sees the same outputs.
    const model = new NeuralNetwork({ seed: 2, inputShape: [5, 3], learningRate: 1e-30 })
      .add(new Dense(3, 2))
      .add(new Linear())
      .setLoss(new MeanSquaredError());
    const pred = model.predictProba(Xs).data;
    let squares = 0;
    let absolute = 0;
    pred.forEach((p, i) => {
      squares += (p - ys.data[i]!) ** 2;
      absolute += Math.abs(p - ys.data[i]!);
    });
    const history = model.train(Xs, ys, { epochs: 1, batchSize: 5, metrics: ['mse', 'mae'] });
    expect(history.mse![0]).toBeCloseTo(squares / pred.length, 5);
    expect(history.mae![0]).toBeCloseTo(absolute / pred.length, 5);
    const evaluation = model.evaluate(Xs, ys, { metrics: ['mse', 'mae'] });
    expect(evaluation.mse).toBeCloseTo(squares / pred.length, 5);
    expect(evaluation.mae).toBeCloseTo(absolute / pred.length, 5);
    // The loss is the same mean of squares.
    expect(evaluation.loss).toBeCloseTo(squares / pred.length, 5);
  });
});
