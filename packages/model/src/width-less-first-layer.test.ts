import { Dense, type Layer, type LayerConfig, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { BatchNormalization } from '@neunet/regularization';
import { type Shape, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { NeuralNetwork } from './neural-network.js';

const X2 = new Tensor([
  [1, 2],
  [3, -1],
  [0.5, 4],
]);
const X3 = new Tensor([
  [1, 2, 3],
  [3, -1, 0],
]);

/** A user's layer that does not keep the width: each row twice, [x, x]. */
class Twice implements Layer {
  computeOutputShape(inputShape: Shape) {
    return [inputShape[0]! * 2];
  }
  build() {}
  params() {
    return [];
  }
  forward(x: Tensor) {
    const y = Tensor.zeros([x.rows, 2 * x.cols]);
    for (let r = 0; r < x.rows; r++) {
      const row = x.data.subarray(r * x.cols, (r + 1) * x.cols);
      y.data.set(row, 2 * r * x.cols);
      y.data.set(row, (2 * r + 1) * x.cols);
    }
    return y;
  }
  backward(dy: Tensor) {
    const n = dy.cols / 2;
    const dx = Tensor.zeros([dy.rows, n]);
    for (let i = 0; i < dx.size; i++) {
      const r = Math.floor(i / n);
      dx.data[i] = dy.data[2 * r * n + (i % n)]! + dy.data[(2 * r + 1) * n + (i % n)]!;
    }
    return dx;
  }
  getConfig(): LayerConfig {
    return { type: 'WidthTestTwice' };
  }
}

const paramSizes = (model: NeuralNetwork) => model.params().map((p) => p.value.size);

describe('a first layer without a width of its own', () => {
  it('is built by add once a later layer fixes the width', () => {
    const model = new NeuralNetwork({ seed: 1 })
      .add(new BatchNormalization())
      .add(new ReLU())
      .add(new Dense(2, 3));
    expect(model.inputShape).toEqual([2]);
    expect(model.outputShape).toEqual([3]);
    // gamma, beta, then the Dense weights and bias; getWeights adds the running statistics.
    expect(paramSizes(model)).toEqual([2, 2, 6, 3]);
    expect(model.getWeights().map((t) => t.size)).toEqual([2, 2, 2, 2, 6, 3]);
    expect(model.summary(() => {})).toMatch(
      /batch_normalization \(BatchNormalization\)\s+\(None, 2\)\s+8/,
    );
    expect(model.summary(() => {})).toMatch(/Total params: 17/);
  });

  it('a predict, train or evaluate with the wrong width throws and changes nothing', () => {
    const model = new NeuralNetwork({ seed: 1 })
      .add(new BatchNormalization())
      .add(new Dense(2, 3))
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy());
    const before = model.toBytes();
    expect(() => model.predict(X3)).toThrow(
      'predict: X has per-sample shape [3] but the model is built for [2]',
    );
    expect(() => model.train(X3, Int32Array.from([0, 1]), { epochs: 1 })).toThrow(
      'train: X has per-sample shape [3] but the model is built for [2]',
    );
    expect(() => model.evaluate(X3, Int32Array.from([0, 1]))).toThrow(/built for \[2\]/);
    expect(model.toBytes()).toEqual(before);
    expect(model.predict(X2)).toHaveLength(3);
  });

  it('stays unbuilt when a call with a wrong width throws, whatever layer finds it out', () => {
    // The user's layer doubles the width, so add cannot tell the model's input shape.
    const model = new NeuralNetwork({ seed: 1 })
      .add(new BatchNormalization())
      .add(new Twice())
      .add(new Dense(4, 3))
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy());
    const bn = model.layers[0]!;
    expect(model.inputShape).toBeUndefined();
    expect(() => model.predict(X3)).toThrow(
      'predict: X has per-sample shape [3]: at layer 3: Dense(4, 3): expects inputs of shape [..., 4] (it maps the last axis), got [6]',
    );
    expect(() => model.train(X3, Int32Array.from([0, 1]), { epochs: 1 })).toThrow(/got \[6\]/);
    expect(bn.params()).toEqual([]);
    expect(model.inputShape).toBeUndefined();
    expect(model.predict(X2)).toHaveLength(3);
    expect(bn.params().map((p) => p.value.size)).toEqual([2, 2]);
  });

  it('stays unbuilt when a call of a width-agnostic model throws for another reason', () => {
    const model = new NeuralNetwork({ seed: 1 })
      .add(new BatchNormalization())
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy());
    expect(() => model.evaluate(X2, Int32Array.from([0, 1, 5]))).toThrow(/label 5/);
    const labels = Int32Array.from([0, 1, 1]);
    expect(() => model.train(X2, labels, { epochs: 1, patience: -2 })).toThrow(/patience/);
    expect(() =>
      model.train(X2, labels, { epochs: 1, validationData: [X3, Int32Array.from([0, 1])] }),
    ).toThrow('validationData: X has per-sample shape [3] but the training data has [2]');
    expect(model.inputShape).toBeUndefined();
    expect(model.layers[0]!.params()).toEqual([]);
    model.train(X2, labels, { epochs: 1 });
    expect(model.inputShape).toEqual([2]);
  });
});
