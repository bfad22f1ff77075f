import { Dense, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy, MeanSquaredError } from '@neunet/losses';
import { NeuralNetwork } from '@neunet/model';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import { ACTIVATIONS, type PlaygroundSettings } from './settings.js';

/**
 * The network the settings describe: one input per chosen feature; for each hidden width,
 * Dense, then BatchNormalization and Dropout when chosen; then Softmax and cross-entropy
 * over the classes, or for regression (`classes` 0) one linear output and mean squared
 * error. The loss carries the L1/L2 penalty on the Dense weights.
 */
export function buildModel(settings: PlaygroundSettings, classes: number): NeuralNetwork {
  const { optimizer, learningRate, seed, l1, l2 } = settings;
  const model = new NeuralNetwork({ seed, optimizer, learningRate });
  let width = settings.features.length;
  for (const next of settings.hidden) {
    model.add(new Dense(width, next));
    if (settings.batchNorm) model.add(new BatchNormalization());
    model.add(ACTIVATIONS[settings.activation]());
    if (settings.dropout > 0) model.add(new Dropout(settings.dropout));
    width = next;
  }
  if (classes === 0) {
    model.add(new Dense(width, 1));
    model.setLoss(new MeanSquaredError({ l1, l2 }));
  } else {
    model.add(new Dense(width, classes));
    model.add(new Softmax());
    model.setLoss(new CategoricalCrossentropy({ l1, l2 }));
  }
  return model;
}
