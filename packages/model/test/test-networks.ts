import { Dense, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import { NeuralNetwork } from '../src/neural-network.js';

/**
 * The seed's complete example (Dense 2-128-64-32-3; each hidden Dense followed by
 * BatchNormalization, ReLU and Dropout(0.1) when `regularized`). Test helper only.
 */
export function seedNetwork(seed: number, regularized = true): NeuralNetwork {
  const model = new NeuralNetwork({ seed });
  for (const [nIn, nOut] of [
    [2, 128],
    [128, 64],
    [64, 32],
  ] as const) {
    model.add(new Dense(nIn, nOut, { learningRate: 0.002, optimizer: 'adam' }));
    if (regularized) model.add(new BatchNormalization());
    model.add(new ReLU());
    if (regularized) model.add(new Dropout(0.1));
  }
  model.add(new Dense(32, 3, { learningRate: 0.002, optimizer: 'adam' }));
  model.add(new Softmax());
  model.setLoss(new CategoricalCrossentropy({ l2: regularized ? 0.0001 : 0 }));
  return model;
}
