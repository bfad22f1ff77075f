import { Dense, Flatten, type Layer, type LayerConfig, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy, MeanSquaredError } from '@neunet/losses';
import { Rng, type Shape, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { NeuralNetwork } from './neural-network.js';

function random(shape: number[], seed: number): Tensor {
  const rng = new Rng(seed);
  const t = Tensor.zeros(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.uniform();
  return t;
}

const labels = (n: number, classes: number) =>
  Int32Array.from({ length: n }, (_, i) => i % classes);

/** A user's layer that keeps every shape (y = 2x), declaring so or not. */
class Double implements Layer {
  static readonly layerType: string = 'ShapePassingDouble';
  constructor(readonly preservesShape?: true) {}
  computeOutputShape(inputShape: Shape) {
    return inputShape;
  }
  build() {}
  params() {
    return [];
  }
  forward(x: Tensor) {
    return new Tensor(
      x.data.map((v) => 2 * v),
      x.shape,
    );
  }
  backward(dy: Tensor) {
    return new Tensor(
      dy.data.map((v) => 2 * v),
      dy.shape,
    );
  }
  getConfig(): LayerConfig {
    return { type: Double.layerType };
  }
}

describe('an input shape passes back only through layers that keep every shape', () => {
  it('Flatten then Dense(784, 16) waits for data, and trains on images [n, 28, 28, 1]', () => {
    const model = new NeuralNetwork({ seed: 1 })
      .add(new Flatten())
      .add(new Dense(784, 16))
      .add(new ReLU())
      .add(new Dense(16, 3))
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy());
    expect(model.inputShape).toBeUndefined();
    const history = model.train(random([12, 28, 28, 1], 1), labels(12, 3), { epochs: 2 });
    expect(history.loss).toHaveLength(2);
    expect(model.inputShape).toEqual([28, 28, 1]);
    expect(model.predict(random([4, 28, 28, 1], 2))).toHaveLength(4);
  });

  it('Dense({ units: 16 }) then Dense(16, 3) trains on [n, 5]', () => {
    const model = new NeuralNetwork({ seed: 1 })
      .add(new Dense({ units: 16 }))
      .add(new Dense(16, 3))
      .setLoss(new MeanSquaredError());
    expect(model.inputShape).toBeUndefined();
    model.train(random([10, 5], 3), random([10, 3], 4), { epochs: 1 });
    expect(model.inputShape).toEqual([5]);
    expect(model.params().map((p) => p.value.shape)).toEqual([[5, 16], [16], [16, 3], [3]]);
  });

  it('a wrong shape still fails, naming the layer and both shapes, and builds nothing', () => {
    const model = new NeuralNetwork({ seed: 1 })
      .add(new Flatten())
      .add(new Dense(784, 16))
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy());
    expect(() => model.train(random([6, 10, 10, 1], 5), labels(6, 16), { epochs: 1 })).toThrow(
      'train: X has per-sample shape [10, 10, 1]: at layer 2: Dense(784, 16): expects inputs of shape [..., 784] (it maps the last axis), got [100]',
    );
    expect(model.inputShape).toBeUndefined();
  });

  it("a user's layer that declares preservesShape is treated as a built-in one", () => {
    const built = (first: Layer) => new NeuralNetwork({ seed: 1 }).add(first).add(new Dense(4, 2));
    expect(built(new ReLU()).inputShape).toEqual([4]);
    const declared = built(new Double(true));
    expect(declared.inputShape).toEqual([4]);
    expect(declared.outputShape).toEqual([2]);
    // The same layer, without the declaration: it might not keep another shape, so the
    // model waits for data, and then takes [4] as well.
    const undeclared = built(new Double());
    expect(undeclared.inputShape).toBeUndefined();
    expect(undeclared.predictProba(random([3, 4], 6)).shape).toEqual([3, 2]);
    expect(undeclared.inputShape).toEqual([4]);
  });
});
