import { Adam } from '@neunet/optimizers';
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

  it('keeps an optimizer name but not an instance, which the saved model holds instead', () => {
    const named = Dense.fromConfig(new Dense(2, 2, { optimizer: 'momentum' }).getConfig());
    expect(named.optimizerSettings.optimizer).toBe('momentum');
    const own = new Dense(2, 2, { optimizer: new Adam(), learningRate: 0.1 });
    expect(own.getConfig()).not.toHaveProperty('optimizer');
    expect(Dense.fromConfig(own.getConfig()).optimizerSettings).toEqual({ learningRate: 0.1 });
  });
});
