import { Conv2D, Dense, Flatten, MaxPooling2D, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { NeuralNetwork } from '@neunet/model';

/**
 * Issue 12's LeNet-style network, shared by W6 and the accuracy script: every peer (tfjs,
 * convnetjs, bench_torch.py, lenet_accuracy.py) builds the same layers.
 */
export const LENET = {
  inputShape: [28, 28, 1],
  filters: [8, 16],
  kernelSize: 5,
  poolSize: 2,
  classes: 10,
  learningRate: 0.001,
} as const;

/** Pixels per image: 28·28·1. */
export const LENET_PIXELS = LENET.inputShape[0] * LENET.inputShape[1] * LENET.inputShape[2];

/**
 * Conv2D 8@5×5 ReLU, MaxPool 2, Conv2D 16@5×5 ReLU, MaxPool 2, Flatten, Dense 10, Softmax;
 * cross-entropy, Adam 0.001, NeuNet's default (He) initialisation from `seed`.
 */
export function lenetModel(seed: number): NeuralNetwork {
  const [first, second] = LENET.filters;
  const conv = { kernelSize: LENET.kernelSize, activation: 'relu' } as const;
  return new NeuralNetwork({ seed, optimizer: 'adam', learningRate: LENET.learningRate })
    .add(new Conv2D({ filters: first, ...conv, inputShape: [...LENET.inputShape] }))
    .add(new MaxPooling2D({ poolSize: LENET.poolSize }))
    .add(new Conv2D({ filters: second, ...conv }))
    .add(new MaxPooling2D({ poolSize: LENET.poolSize }))
    .add(new Flatten())
    .add(new Dense({ units: LENET.classes }))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());
}
