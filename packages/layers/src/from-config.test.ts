import { describe, expect, it } from 'vitest';
import { LeakyReLU, Linear, ReLU, Sigmoid, Softmax, Tanh } from './activations.js';
import { Dense } from './dense.js';
import { Flatten } from './flatten.js';
import type { LayerConfig } from './layer.js';
import { Reshape } from './reshape.js';

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
    new Dense({ units: 4, activation: 'relu' }),
    new Flatten(),
    new Reshape([-1, 2]),
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
      Flatten,
      Reshape,
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
    // An instance of the model's optimizer classes, which a layer passes on unread.
    const own = new Dense(2, 2, { optimizer: { paramGroups: [] }, learningRate: 0.1 });
    expect(own.getConfig()).not.toHaveProperty('optimizer');
    expect(Dense.fromConfig(own.getConfig()).optimizerSettings).toEqual({ learningRate: 0.1 });
  });

  it('gives Dense its input width back when the config has nIn, and infers it when not', () => {
    const fixed = Dense.fromConfig({ type: 'Dense', nIn: 3, nOut: 2 });
    expect(fixed.inputShape).toEqual([3]);
    expect(fixed.params().map((p) => p.value.shape)).toEqual([[3, 2], [2]]);
    const inferred = Dense.fromConfig({ type: 'Dense', nOut: 2 });
    expect(inferred.inputShape).toBeUndefined();
    expect(inferred.params()).toEqual([]);
    inferred.build([5]);
    expect(inferred.getConfig()).toMatchObject({ nIn: 5, nOut: 2 });
  });
});
