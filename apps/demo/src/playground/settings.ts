import { Dense, type Layer, LeakyReLU, ReLU, Sigmoid, Softmax, Tanh } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { NeuralNetwork } from '@neunet/model';
import type { OptimizerName } from '@neunet/optimizers';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import type { DatasetName } from '../datasets.js';

export const ACTIVATIONS = {
  relu: () => new ReLU(),
  'leaky-relu': () => new LeakyReLU(),
  tanh: () => new Tanh(),
  sigmoid: () => new Sigmoid(),
} satisfies Record<string, () => Layer>;

export type ActivationName = keyof typeof ACTIVATIONS;

export const OPTIMIZERS: readonly OptimizerName[] = [
  'adam',
  'sgd',
  'momentum',
  'rmsprop',
  'adagrad',
];

/** Everything the playground's form chooses. */
export interface PlaygroundSettings {
  dataset: DatasetName;
  hidden: number[];
  activation: ActivationName;
  optimizer: OptimizerName;
  learningRate: number;
  batchNorm: boolean;
  dropout: number;
  epochs: number;
  batchSize: number;
  seed: number;
}

/** `"64, 32"` as [64, 32]; an empty text is no hidden layer. */
export function parseHiddenLayers(text: string): number[] {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  return parts.map((part, i) => {
    const n = Number(part);
    if (!Number.isInteger(n) || n < 1 || n > 1024) {
      throw new Error(`hidden layer ${i + 1} is '${part}'; expected a width from 1 to 1024`);
    }
    return n;
  });
}

/**
 * The network the settings describe: for each hidden width, Dense, then BatchNormalization
 * and Dropout when chosen, as in the seed's example; a Softmax output and cross-entropy.
 */
export function buildModel(settings: PlaygroundSettings, features: number, classes: number) {
  const { optimizer, learningRate, seed } = settings;
  const model = new NeuralNetwork({ seed, optimizer, learningRate });
  let width = features;
  for (const next of settings.hidden) {
    model.add(new Dense(width, next));
    if (settings.batchNorm) model.add(new BatchNormalization());
    model.add(ACTIVATIONS[settings.activation]());
    if (settings.dropout > 0) model.add(new Dropout(settings.dropout));
    width = next;
  }
  model.add(new Dense(width, classes));
  model.add(new Softmax());
  model.setLoss(new CategoricalCrossentropy());
  return model;
}
