import { describe, expect, it } from 'vitest';
import { LeakyReLU, Linear, ReLU, Sigmoid, Softmax, Tanh } from './activations.js';
import { Dense } from './dense.js';
import type { LayerConfig } from './layer.js';

describe('fromConfig', () => {
  const layers = [
    new Dense(3, 5),
    new Dense(4, 2, {
      activation: 'leakyRelu',
      alpha: 0.2,
      learningRate: 0.01,
      optimizer: 'sgd',
      init: 'glorot',
    }),
    new ReLU(),
    new LeakyReLU(0.3),
    new Sigmoid(),
    new Tanh(),
    new Softmax(),
    new Linear(),
  ];
  const classes: Record<string, { fromConfig(config: LayerConfig): { getConfig(): LayerConfig } }> =
    {
      Dense,
      ReLU,
      LeakyReLU,
      Sigmoid,
      Tanh,
      Softmax,
      Linear,
    };
  for (const layer of layers) {
    const config = layer.getConfig();
    it(`rebuilds ${JSON.stringify(config)} from its config`, () => {
      const rebuilt = classes[config.type]!.fromConfig(config);
      expect(rebuilt).toBeInstanceOf(layer.constructor);
      expect(rebuilt.getConfig()).toEqual(config);
    });
  }

  it('hands Dense an optimizer instance from the context', () => {
    const optimizer = { step: () => {} };
    const dense = Dense.fromConfig(new Dense(2, 2).getConfig(), { optimizer });
    expect(dense.weights.optimizer).toBe(optimizer);
  });
});
