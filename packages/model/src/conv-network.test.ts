import {
  AveragePooling2D,
  Conv2D,
  Dense,
  Flatten,
  GlobalAveragePooling2D,
  MaxPooling2D,
  Reshape,
  Softmax,
} from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import { setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { barImages } from '../test/image-data.js';
import { NeuralNetwork } from './neural-network.js';

const train = barImages(240, 1);
const test = barImages(90, 2);
const weights = (m: NeuralNetwork) => m.getWeights().map((t) => Array.from(t.data));

/**
 * A small CNN on [8, 8, 1] bar images with every image layer a model meets: a fused ReLU,
 * BatchNormalization and Dropout on [n, h, w, c], a second Conv2D trained by its own SGD,
 * and `new Dense({ units })` after Flatten.
 */
function cnn(seed: number): NeuralNetwork {
  return new NeuralNetwork({ seed, learningRate: 0.01 })
    .add(new Conv2D({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [8, 8, 1] }))
    .add(new BatchNormalization())
    .add(new MaxPooling2D({ poolSize: 2 }))
    .add(new Dropout(0.1))
    .add(
      new Conv2D({
        filters: 6,
        kernelSize: 2,
        padding: 'same',
        activation: 'relu',
        optimizer: 'sgd',
        learningRate: 0.05,
      }),
    )
    .add(new Flatten())
    .add(new Dense({ units: 3 }))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy({ l2: 1e-4 }));
}

describe.each(['js', 'wasm'])('a conv net in NeuralNetwork, %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  it('is built from the first layer’s inputShape, and its summary shows every shape', () => {
    const model = cnn(1);
    expect(model.inputShape).toEqual([8, 8, 1]);
    expect(model.outputShape).toEqual([3]);
    const rows = model
      .summary(() => {})
      .split('\n')
      .filter((line) => /^\s*[a-z][a-z0-9_]* \([A-Z]\w*\)/.test(line))
      .map((line) => line.trim().split(/\s{3,}/));
    expect(rows).toEqual([
      ['conv2d (Conv2D)', '(None, 6, 6, 8)', '80'],
      ['batch_normalization (BatchNormalization)', '(None, 6, 6, 8)', '32'],
      ['max_pooling2d (MaxPooling2D)', '(None, 3, 3, 8)', '0'],
      ['dropout (Dropout)', '(None, 3, 3, 8)', '0'],
      ['conv2d_1 (Conv2D)', '(None, 3, 3, 6)', '198'],
      ['flatten (Flatten)', '(None, 54)', '0'],
      ['dense (Dense)', '(None, 3)', '165'],
      ['softmax (Softmax)', '(None, 3)', '0'],
    ]);
    expect(model.summary(() => {})).toContain('Total params: 475');
  });

  it('learns the bar images: the loss falls and test accuracy is high', () => {
    const model = cnn(2);
    const history = model.train(train.X, train.y, { epochs: 12, batchSize: 16 });
    expect(history.loss.at(-1)!).toBeLessThan(history.loss[0]! * 0.2);
    expect(model.evaluate(test.X, test.y).accuracy).toBeGreaterThan(0.95);
    // The second Conv2D asked for SGD: the model trains it with its own optimizer.
    expect(model.optimizers.map((o) => o.getConfig().type)).toEqual(['Adam', 'SGD']);
  });

  it('the same seed gives bit-identical weights; another seed does not', () => {
    const [a, b, c] = [cnn(3), cnn(3), cnn(4)];
    for (const m of [a, b, c]) m.train(train.X, train.y, { epochs: 2, batchSize: 32 });
    expect(weights(a)).toEqual(weights(b));
    expect(weights(a)).not.toEqual(weights(c));
  });

  it('save, load: identical predictions, and training resumes bit for bit (format 2)', () => {
    const straight = cnn(5);
    straight.train(train.X, train.y, { epochs: 4, batchSize: 32 });

    const first = cnn(5);
    first.train(train.X, train.y, { epochs: 2, batchSize: 32 });
    const bytes = first.toBytes();
    expect(first.toArtifacts().topology.version).toBe(2);
    const loaded = NeuralNetwork.fromBytes(bytes);
    expect(loaded.inputShape).toEqual([8, 8, 1]);
    expect(loaded.summary(() => {})).toBe(first.summary(() => {}));
    expect(loaded.layers.map((l) => l.getConfig())).toEqual(first.layers.map((l) => l.getConfig()));
    expect(Array.from(loaded.predictProba(test.X).data)).toEqual(
      Array.from(first.predictProba(test.X).data),
    );

    loaded.train(train.X, train.y, { epochs: 2, batchSize: 32 });
    expect(loaded.history).toEqual(straight.history);
    expect(weights(loaded)).toEqual(weights(straight));
    expect(loaded.randomState()).toEqual(straight.randomState());
    expect(loaded.optimizers.map((o) => o.getConfig())).toEqual(
      straight.optimizers.map((o) => o.getConfig()),
    );
  });

  it('without an inputShape it builds from the first X: Reshape, AveragePooling2D, GlobalAveragePooling2D', () => {
    const model = new NeuralNetwork({ seed: 6, learningRate: 0.02 })
      .add(new Reshape({ targetShape: [8, 8, 1] }))
      .add(new Conv2D({ filters: 6, kernelSize: 3, padding: 'same', activation: 'tanh' }))
      .add(new AveragePooling2D({ poolSize: 2, strides: 1 }))
      .add(new Conv2D({ filters: 8, kernelSize: 3, dilationRate: 2, activation: 'relu' }))
      .add(new GlobalAveragePooling2D())
      .add(new Dense({ units: 3 }))
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy());
    expect(model.inputShape).toBeUndefined();
    const flat = train.X.reshape([train.X.rows, 64]);
    const history = model.train(flat, train.y, { epochs: 10, batchSize: 16 });
    expect(model.inputShape).toEqual([64]);
    expect(model.outputShape).toEqual([3]);
    expect(history.loss.at(-1)!).toBeLessThan(history.loss[0]! * 0.2);
    const copy = NeuralNetwork.fromBytes(model.toBytes());
    expect(Array.from(copy.predictProba(flat).data)).toEqual(
      Array.from(model.predictProba(flat).data),
    );
  });

  it('names the shapes when the data are not the images the model is built for', () => {
    const model = cnn(7);
    expect(() => model.predict(Tensor.zeros([2, 64]))).toThrow(
      'predict: X has per-sample shape [64] but the model is built for [8, 8, 1]',
    );
    const unbuilt = new NeuralNetwork({ seed: 1 })
      .add(new Conv2D({ filters: 2, kernelSize: 3 }))
      .add(new Flatten());
    expect(() => unbuilt.predict(Tensor.zeros([2, 64]))).toThrow(
      'predict: X has per-sample shape [64]: at layer 1: Conv2D({ filters: 2, kernelSize: 3 }): expects images, samples of shape [height, width, channels] (batches [batch, height, width, channels], NHWC), got samples of shape [64]',
    );
    expect(() => new NeuralNetwork().add(new Dense(4, 2)).add(new MaxPooling2D())).toThrow(
      'NeuralNetwork.add: layer 2 cannot follow the previous one: MaxPooling2D({ poolSize: 2 }): expects images, samples of shape [height, width, channels]',
    );
  });
});
