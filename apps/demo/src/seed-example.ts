import { Dense, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { NeuralNetwork } from '@neunet/model';
import { BatchNormalization, Dropout } from '@neunet/regularization';

/** The seed document's "Complete Framework Example", layer for layer. */
export function buildSeedExample(seed: number) {
  const model = new NeuralNetwork({ seed });
  const hidden = [
    [2, 128],
    [128, 64],
    [64, 32],
  ] as const;
  for (const [nIn, nOut] of hidden) {
    model.add(new Dense(nIn, nOut, { learningRate: 0.002, optimizer: 'adam' }));
    model.add(new BatchNormalization());
    model.add(new ReLU());
    model.add(new Dropout(0.1));
  }
  model.add(new Dense(32, 3, { learningRate: 0.002, optimizer: 'adam' }));
  model.add(new Softmax());
  model.setLoss(new CategoricalCrossentropy({ l2: 0.0001 }));
  return model;
}
