import {
  AveragePooling2D,
  Conv2D,
  Dense,
  Flatten,
  GlobalAveragePooling2D,
  type Layer,
  MaxPooling2D,
  Reshape,
  Softmax,
} from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { NeuralNetwork } from '@neunet/model';
import { BatchNormalization } from '@neunet/regularization';
import { Rng, Tensor } from '@neunet/tensor';

/** `shape` filled from a seeded normal distribution. Test helper only. */
export function normalSamples(shape: number[], seed: number, scale = 1): Tensor {
  const rng = new Rng(seed);
  const x = Tensor.zeros(shape);
  for (let i = 0; i < x.size; i++) x.data[i] = scale * rng.normal();
  return x;
}

/**
 * The LeNet-style MNIST network: Conv2D 8@5×5 ReLU, MaxPool 2, Conv2D 16@5×5
 * ReLU, MaxPool 2, Flatten, Dense 10, Softmax on [28, 28, 1], trained with Adam for a few
 * steps on seeded noise so that its biases are not zero. Test helper only.
 */
export function lenet(seed: number): NeuralNetwork {
  const model = new NeuralNetwork({ seed, optimizer: 'adam', learningRate: 0.01 })
    .add(new Conv2D({ filters: 8, kernelSize: 5, activation: 'relu', inputShape: [28, 28, 1] }))
    .add(new MaxPooling2D({ poolSize: 2 }))
    .add(new Conv2D({ filters: 16, kernelSize: 5, activation: 'relu' }))
    .add(new MaxPooling2D({ poolSize: 2 }))
    .add(new Flatten())
    .add(new Dense({ units: 10 }))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());
  const X = mnistShaped(32, seed);
  const y = Int32Array.from({ length: 32 }, (_, i) => (i * 7) % 10);
  model.train(X, y, { epochs: 2, batchSize: 16 });
  return model;
}

/** `n` images [28, 28, 1] of values in [0, 1], like MNIST's. Test helper only. */
export function mnistShaped(n: number, seed: number): Tensor {
  const rng = new Rng(seed);
  const x = Tensor.zeros([n, 28, 28, 1]);
  for (let i = 0; i < x.size; i++) x.data[i] = rng.uniform() < 0.8 ? 0 : rng.uniform();
  return x;
}

/**
 * Every image layer option an exporter has to get right, on odd, non-square [9, 11, 3]
 * images: 'same' padding split unevenly, strides 2, dilation 2, no bias, leakyRelu and
 * tanh fused, BatchNormalization and Softmax on images, AveragePooling2D 'same' (edge
 * windows partly padding), MaxPooling2D 'same' with strides 1, Reshape between images and
 * sequences, Dense on the channels of an image (before and after a Conv2D),
 * GlobalAveragePooling2D. Biases and
 * BatchNormalization's statistics are set away from their initial values. Test helper only.
 */
export function everyImageLayerNetwork(seed: number): NeuralNetwork {
  const model = new NeuralNetwork({ seed, inputShape: [9, 11, 3] })
    // 9 → 5 (pads 1, 1), 11 → 6 (pads 0, 1: the odd cell after).
    .add(
      new Conv2D({
        filters: 4,
        kernelSize: [3, 2],
        strides: 2,
        padding: 'same',
        activation: 'tanh',
      }),
    )
    .add(new BatchNormalization({ epsilon: 1e-3 }))
    // Dilated [2, 3] spans 3×5: pads 1, 1 and 2, 2.
    .add(
      new Conv2D({
        filters: 5,
        kernelSize: [2, 3],
        dilationRate: 2,
        padding: 'same',
        useBias: false,
        activation: 'leakyRelu',
        alpha: 0.1,
      }),
    )
    // 5 → 3 (pads 1, 1), 6 → 3 (pads 0, 1).
    .add(new AveragePooling2D({ poolSize: 3, strides: 2, padding: 'same' }))
    .add(new MaxPooling2D({ poolSize: 2, strides: 1, padding: 'same' }))
    .add(new Softmax())
    // Reshapes that mix positions and channels, so that a wrong order of axes shows.
    .add(new Reshape({ targetShape: [5, 9] }))
    .add(new Dense({ units: 8, activation: 'relu' }))
    .add(new Reshape({ targetShape: [4, 5, 2] }))
    .add(new Dense({ units: 6 }))
    .add(new Conv2D({ filters: 6, kernelSize: 2, padding: 'valid' }))
    .add(new Dense({ units: 5, activation: 'tanh' }))
    .add(new GlobalAveragePooling2D())
    .add(new Dense({ units: 3 }))
    .add(new Softmax());
  perturb(model.layers, seed);
  return model;
}

/**
 * A net whose output is an image: Reshape a flat sample to [4, 6, 2], a 'same' Conv2D and
 * a 'valid' AveragePooling2D. Test helper only.
 */
export function imageOutputNetwork(seed: number): NeuralNetwork {
  const model = new NeuralNetwork({ seed, inputShape: [48] })
    .add(new Reshape({ targetShape: [4, 6, 2] }))
    .add(new Conv2D({ filters: 3, kernelSize: 3, padding: 'same', activation: 'sigmoid' }))
    .add(new AveragePooling2D({ poolSize: [2, 3] }));
  perturb(model.layers, seed);
  return model;
}

/** Biases and BatchNormalization's affine and statistics set to seeded values. */
function perturb(layers: readonly Layer[], seed: number): void {
  const rng = new Rng(seed + 1000);
  for (const layer of layers) {
    for (const { name, value } of [...layer.params(), ...(layer.buffers?.() ?? [])]) {
      const data = value.data;
      if (name === 'bias' || name === 'beta' || name === 'runningMean') {
        for (let j = 0; j < data.length; j++) data[j] = 0.3 * rng.normal();
      } else if (name === 'gamma' || name === 'runningVar') {
        for (let j = 0; j < data.length; j++) data[j] = 0.5 + rng.uniform();
      }
    }
  }
}
