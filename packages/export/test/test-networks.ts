import { Dense, LeakyReLU, Linear, ReLU, Sigmoid, Softmax, Tanh } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { NeuralNetwork } from '@neunet/model';
import { BatchNormalization, Dropout } from '@neunet/regularization';

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

/**
 * One of every layer kind and every fused Dense activation the exporters know, untrained
 * but with BatchNormalization's statistics and affine set away from the identity, so that
 * no training is needed for a meaningful check. Test helper only.
 */
export function everyLayerNetwork(seed: number): NeuralNetwork {
  const norm = new BatchNormalization({ epsilon: 1e-3 });
  const model = new NeuralNetwork({ seed })
    .add(new Dense(3, 8))
    .add(norm)
    .add(new ReLU())
    .add(new Dropout(0.2))
    .add(new Dense(8, 8, { activation: 'relu' }))
    .add(new Dense(8, 8, { activation: 'leakyRelu', alpha: 0.05 }))
    .add(new Dense(8, 8, { activation: 'sigmoid' }))
    .add(new Dense(8, 8, { activation: 'tanh' }))
    .add(new LeakyReLU(0.2))
    .add(new Dense(8, 8))
    .add(new Sigmoid())
    .add(new Dense(8, 8))
    .add(new Tanh())
    .add(new Linear())
    .add(new Dense(8, 4))
    .add(new Softmax());
  model.build([3]);
  const [gamma, beta] = norm.params();
  const [mean, variance] = norm.buffers();
  gamma!.value.data.forEach((_, j, a) => {
    a[j] = 0.5 + j / 8;
  });
  beta!.value.data.forEach((_, j, a) => {
    a[j] = Math.cos(j) / 4;
  });
  mean!.value.data.forEach((_, j, a) => {
    a[j] = Math.sin(j) / 2;
  });
  variance!.value.data.forEach((_, j, a) => {
    a[j] = 0.25 + j / 4;
  });
  return model;
}
