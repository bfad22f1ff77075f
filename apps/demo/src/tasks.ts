import {
  createData,
  type Dataset,
  loadIris,
  makeCircles,
  makeMoons,
  makeSine,
  StandardScaler,
  trainTestSplit,
} from '@neunet/datasets';
import { Dense, Linear, ReLU, Softmax, Tanh } from '@neunet/layers';
import { CategoricalCrossentropy, MeanSquaredError } from '@neunet/losses';
import { loadDigits } from '@neunet/mnist';
import { NeuralNetwork, type TrainOptions } from '@neunet/model';
import { Adam, cosineDecay } from '@neunet/optimizers';
import type { Tensor } from '@neunet/tensor';
import { buildMnistCnn, loadMnistSplit, MNIST_CNN_BATCH } from './mnist-cnn.js';
import { buildSeedExample } from './seed-example.js';

/** Data split for a run: the model learns from `train` and is scored on `test`. */
export interface Split<Y> {
  XTrain: Tensor;
  yTrain: Y;
  XTest: Tensor;
  yTest: Y;
  classNames?: string[];
}

interface TaskBase<Y> {
  description: string;
  load(seed: number): Split<Y>;
  build(seed: number): NeuralNetwork;
  train: TrainOptions & { epochs: number };
  /**
   * Measure the test data after every epoch (as `val_*` in the history), to show how the
   * accuracy grows; it never picks weights or stops training (so no task has it with
   * `patience`, whose early stopping would watch the test loss).
   */
  monitorTest?: boolean;
}

export interface ClassificationTask extends TaskBase<Int32Array> {
  kind: 'classification';
}

export interface RegressionTask extends TaskBase<Tensor> {
  kind: 'regression';
}

export type Task = ClassificationTask | RegressionTask;

/** A stratified 70/30 split, with the features standardised on the training part only. */
function standardisedSplit(data: Dataset, seed: number, classNames?: string[]): Split<Int32Array> {
  const split = trainTestSplit(data.X, data.y, { testSize: 0.3, stratify: true, seed });
  const scaler = new StandardScaler().fit(split.XTrain);
  return {
    XTrain: scaler.transform(split.XTrain),
    yTrain: split.yTrain,
    XTest: scaler.transform(split.XTest),
    yTest: split.yTest,
    ...(classNames && { classNames }),
  };
}

/** Dense layers with ReLU between them and a Softmax output. */
function classifier(seed: number, widths: number[], learningRate: number): NeuralNetwork {
  const model = new NeuralNetwork({ seed, learningRate });
  for (let i = 1; i < widths.length; i++) {
    model.add(new Dense(widths[i - 1]!, widths[i]!));
    model.add(i < widths.length - 1 ? new ReLU() : new Softmax());
  }
  return model.setLoss(new CategoricalCrossentropy());
}

/** What `pnpm demo --dataset <name>` runs: the data, the network and how it trains. */
export const TASKS = {
  spiral: {
    kind: 'classification',
    description:
      "the seed's complete example on its spiral (3 × 100 points), scored on the training data",
    load: (seed) => {
      const { X, y } = createData({ samples: 100, classes: 3, seed });
      return { XTrain: X, yTrain: y, XTest: X, yTest: y };
    },
    build: buildSeedExample,
    train: { epochs: 500, batchSize: 32, patience: 30, startFromEpoch: 100 },
  },
  iris: {
    kind: 'classification',
    description: 'Fisher’s Iris (150 flowers, 4 measurements, 3 species), stratified 70/30 split',
    load: (seed) => {
      const iris = loadIris();
      return standardisedSplit(iris, seed, iris.classNames);
    },
    build: (seed) => classifier(seed, [4, 16, 3], 0.01),
    train: { epochs: 200, batchSize: 16 },
    monitorTest: true,
  },
  digits: {
    kind: 'classification',
    description: '10,000 real MNIST digits (28 × 28), Dense 784-256-128-10, 20% held out',
    load: (seed) => {
      const { X, y } = loadDigits({ flatten: true });
      const split = trainTestSplit(X, y, { testSize: 0.2, stratify: true, seed });
      return { ...split, classNames: Array.from({ length: 10 }, (_, d) => String(d)) };
    },
    build: (seed) => classifier(seed, [784, 256, 128, 10], 0.001),
    train: { epochs: 20, batchSize: 128 },
    monitorTest: true,
  },
  'mnist-cnn': {
    kind: 'classification',
    description:
      "MNIST's 60,000 training and 10,000 test digits (28 × 28 × 1), a CNN: two Conv2D blocks with BatchNormalization, Dense 128 with Dropout, Adam with a decaying rate",
    load: loadMnistSplit,
    build: buildMnistCnn,
    train: { epochs: 10, batchSize: MNIST_CNN_BATCH },
    monitorTest: true,
  },
  moons: {
    kind: 'classification',
    description: 'two interleaving half circles (1,000 points, noise 0.1), stratified 70/30 split',
    load: (seed) => standardisedSplit(makeMoons({ samples: 1000, noise: 0.1, seed }), seed),
    build: (seed) => classifier(seed, [2, 32, 32, 2], 0.01),
    train: { epochs: 100, batchSize: 32 },
    monitorTest: true,
  },
  circles: {
    kind: 'classification',
    description:
      'a circle inside a circle (1,000 points, noise 0.05, factor 0.5), stratified 70/30 split',
    load: (seed) =>
      standardisedSplit(makeCircles({ samples: 1000, noise: 0.05, factor: 0.5, seed }), seed),
    build: (seed) => classifier(seed, [2, 32, 32, 2], 0.01),
    train: { epochs: 100, batchSize: 32 },
    monitorTest: true,
  },
  sine: {
    kind: 'regression',
    description: 'y = sin(x) + noise (500 points, noise 0.05), 70/30 split',
    load: (seed) => {
      const { X, y } = makeSine({ samples: 500, noise: 0.05, seed });
      return trainTestSplit(X, y, { testSize: 0.3, seed });
    },
    // Adam at a constant 0.01 ends wherever its last steps left it (R² 0.96 to 0.99 by seed):
    // decaying the rate over the 1,000 epochs × 11 batches settles every seed near 0.99.
    build: (seed) =>
      new NeuralNetwork({
        seed,
        optimizer: new Adam({
          learningRate: 0.01,
          schedule: cosineDecay({ decaySteps: 11_000, minRate: 0.0005 }),
        }),
      })
        .add(new Dense(1, 64))
        .add(new Tanh())
        .add(new Dense(64, 64))
        .add(new Tanh())
        .add(new Dense(64, 1))
        .add(new Linear())
        .setLoss(new MeanSquaredError()),
    train: { epochs: 1000, batchSize: 32 },
    monitorTest: true,
  },
} satisfies Record<string, Task>;

export type TaskName = keyof typeof TASKS;
export const TASK_NAMES = Object.keys(TASKS) as TaskName[];
