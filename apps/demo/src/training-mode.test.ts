import { Dense, type Layer, type LayerConfig, ReLU } from '@neunet/layers';
import { NeuralNetwork } from '@neunet/model';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import type { Shape, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { trainingBatches } from './training-mode.js';

/** A user's own layer that computes differently while training (the identity here). */
class Noise implements Layer {
  readonly hasTrainingMode = true;
  computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }
  build(): void {}
  params() {
    return [];
  }
  forward(x: Tensor): Tensor {
    return x;
  }
  backward(dy: Tensor): Tensor {
    return dy;
  }
  getConfig(): LayerConfig {
    return { type: 'GaussianNoise' };
  }
}

const model = (...layers: Layer[]) => {
  const network = new NeuralNetwork({ seed: 1, inputShape: [2] });
  for (const layer of layers) network.add(layer);
  return network;
};

describe('the label of the training-mode figures', () => {
  it('names the layers that declare a training mode, each once, in model order', () => {
    expect(trainingBatches(model(new Dense(2, 3), new ReLU()))).toBe('training batches');
    expect(
      trainingBatches(
        model(
          new BatchNormalization(),
          new Dense(2, 3),
          new Dropout(0.1),
          new BatchNormalization(),
        ),
      ),
    ).toBe('training batches, BatchNormalization and Dropout in training mode');
    expect(trainingBatches(model(new Noise(), new Dense(2, 3)))).toBe(
      'training batches, GaussianNoise in training mode',
    );
  });
});
