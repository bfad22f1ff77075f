import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createData } from '@neunet/datasets';
import { Dense, type Layer, type LayerConfig, ReLU, registerLayer, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import { type Shape, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { NeuralNetwork } from '../neural-network.js';
import { ModelFormatError } from './model-format-error.js';

const { X, y } = createData({ samples: 40, classes: 3, seed: 0 });

/** The README's example, with its imports, trained briefly. */
function readmeModel(): NeuralNetwork {
  const model = new NeuralNetwork({ seed: 42 });
  model.add(new Dense(2, 128, { learningRate: 0.002, optimizer: 'adam' }));
  model.add(new BatchNormalization());
  model.add(new ReLU());
  model.add(new Dropout(0.1));
  model.add(new Dense(128, 64, { learningRate: 0.002, optimizer: 'adam' }));
  model.add(new BatchNormalization());
  model.add(new ReLU());
  model.add(new Dropout(0.1));
  model.add(new Dense(64, 32, { learningRate: 0.002, optimizer: 'adam' }));
  model.add(new BatchNormalization());
  model.add(new ReLU());
  model.add(new Dropout(0.1));
  model.add(new Dense(32, 3, { learningRate: 0.002, optimizer: 'adam' }));
  model.add(new Softmax());
  model.setLoss(new CategoricalCrossentropy({ l2: 0.0001 }));
  model.train(X, y, { epochs: 2, batchSize: 32 });
  return model;
}

/** A user's own layer: y = x · factor, with no parameters. */
class Scale implements Layer {
  static readonly layerType: string = 'LoadTestScale';
  private out = Tensor.zeros([0, 0]);
  constructor(readonly factor: number) {}
  computeOutputShape(inputShape: Shape) {
    return inputShape;
  }
  build() {}
  params() {
    return [];
  }
  forward(x: Tensor) {
    this.out = new Tensor(
      x.data.map((v) => v * this.factor),
      x.shape,
    );
    return this.out;
  }
  backward(dy: Tensor) {
    return new Tensor(
      dy.data.map((v) => v * this.factor),
      dy.shape,
    );
  }
  getConfig(): LayerConfig {
    return { type: Scale.layerType, factor: this.factor };
  }
  static fromConfig(config: LayerConfig) {
    return new Scale(config['factor'] as number);
  }
}

describe('loading with no list of layer classes', () => {
  it("loads the README's model with load(path) alone and fromBytes(bytes) alone", () => {
    const model = readmeModel();
    const path = join(mkdtempSync(join(tmpdir(), 'neunet-')), 'readme.neunet');
    model.save(path);
    const expected = model.predictProba(X).data;
    expect(NeuralNetwork.load(path).predictProba(X).data).toEqual(expected);
    expect(NeuralNetwork.fromBytes(model.toBytes()).predictProba(X).data).toEqual(expected);
  });

  it("loads a user's layer class after one registerLayer call, and says how before it", () => {
    const model = new NeuralNetwork({ seed: 3 })
      .add(new Dense(2, 4))
      .add(new Scale(0.5))
      .add(new Dense(4, 3))
      .add(new Softmax());
    model.setLoss(new CategoricalCrossentropy());
    model.train(X, y, { epochs: 1 });
    const bytes = model.toBytes();
    let thrown: unknown;
    try {
      NeuralNetwork.fromBytes(bytes);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ModelFormatError);
    expect((thrown as Error).message).toMatch(
      /unknown layer type "LoadTestScale".*registerLayer\(MyLayer\) from '@neunet\/layers'/,
    );
    registerLayer(Scale);
    const loaded = NeuralNetwork.fromBytes(bytes);
    expect(loaded.layers[1]).toBeInstanceOf(Scale);
    expect(loaded.predictProba(X).data).toEqual(model.predictProba(X).data);
  });
});
