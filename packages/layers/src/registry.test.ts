import { type Shape, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { LeakyReLU, Linear, ReLU, Sigmoid, Softmax, Tanh } from './activations.js';
import { Dense } from './dense.js';
import { Flatten } from './flatten.js';
import type { Layer, LayerConfig } from './layer.js';
import { findLayer, registeredLayerTypes, registerLayer } from './registry.js';
import { Reshape } from './reshape.js';

/** A user's own layer: y = x · factor. */
class Scale implements Layer {
  static readonly layerType: string = 'RegistryTestScale';
  constructor(readonly factor: number) {}
  computeOutputShape(inputShape: Shape) {
    return inputShape;
  }
  build() {}
  params() {
    return [];
  }
  forward(x: Tensor) {
    return new Tensor(
      x.data.map((v) => v * this.factor),
      x.shape,
    );
  }
  backward(dy: Tensor) {
    return dy;
  }
  getConfig(): LayerConfig {
    return { type: Scale.layerType, factor: this.factor };
  }
  static fromConfig(config: LayerConfig) {
    return new Scale(config['factor'] as number);
  }
}

describe('the layer registry', () => {
  it('knows every layer this package ships, by the type its config writes', () => {
    const layers: Layer[] = [
      new Dense(2, 3),
      new ReLU(),
      new LeakyReLU(),
      new Sigmoid(),
      new Tanh(),
      new Softmax(),
      new Linear(),
      new Flatten(),
      new Reshape([2, -1]),
    ];
    for (const layer of layers) {
      expect(findLayer(layer.getConfig().type)).toBe(layer.constructor);
    }
    expect(registeredLayerTypes()).toEqual(expect.arrayContaining(['Dense', 'Flatten']));
  });

  it('finds a class registered once, and accepts the same class again', () => {
    expect(findLayer(Scale.layerType)).toBeUndefined();
    registerLayer(Scale);
    registerLayer(Scale);
    expect(findLayer(Scale.layerType)).toBe(Scale);
  });

  it('refuses a second class for a taken type, and a class without layerType or fromConfig', () => {
    class FakeDense extends Scale {
      static override readonly layerType = 'Dense';
    }
    expect(() => registerLayer(FakeDense)).toThrow(
      /the layer type "Dense" is already registered to another class/,
    );
    expect(findLayer('Dense')).toBe(Dense);
    const noType = { fromConfig: Scale.fromConfig } as unknown as typeof Scale;
    expect(() => registerLayer(noType)).toThrow(/has no static layerType/);
    const noFactory = { layerType: 'NoFactory' } as unknown as typeof Scale;
    expect(() => registerLayer(noFactory)).toThrow(/has no static fromConfig/);
  });

  it('finds nothing for names an object inherits', () => {
    expect(findLayer('__proto__')).toBeUndefined();
    expect(findLayer('constructor')).toBeUndefined();
  });
});
