import { type Shape, Tensor } from '@neunet/tensor';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeakyReLU, Linear, ReLU, Sigmoid, Softmax, Tanh } from './activations.js';
import { AveragePooling2D } from './average-pooling-2d.js';
import { Conv2D } from './conv2d.js';
import { Dense } from './dense.js';
import { Flatten } from './flatten.js';
import { GlobalAveragePooling2D } from './global-average-pooling-2d.js';
import type { Layer } from './layer.js';
import { MaxPooling2D } from './max-pooling-2d.js';
import { findLayer, registeredLayerTypes } from './registry.js';
import { Reshape } from './reshape.js';

const byName = (list: { name: string; value: Tensor }[]) =>
  Object.fromEntries(list.map((t) => [t.name, [...t.value.shape]]));

/** Every built-in layer, in the forms that hold different things, with an input it takes. */
const cases: [Layer, Shape][] = [
  [new Dense(3, 4), [3]],
  [new Dense(3, 4), [5, 3]],
  [new Dense({ units: 4, activation: 'relu' }), [2, 3]],
  [new Dense(4, { inputShape: [5, 3] }), [5, 3]],
  [new Conv2D({ filters: 2, kernelSize: 3 }), [6, 6, 1]],
  [new Conv2D({ filters: 3, kernelSize: [1, 2], useBias: false, strides: 2 }), [5, 7, 2]],
  [new Conv2D({ filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same' }), [4, 4, 3]],
  [new Conv2D({ filters: 2, kernelSize: 3, inputShape: [6, 6, 2] }), [6, 6, 2]],
  [new Flatten(), [3, 3, 2]],
  [new Reshape([-1, 2]), [3, 4]],
  [new MaxPooling2D({ poolSize: 2 }), [5, 5, 2]],
  [new AveragePooling2D({ poolSize: 3, strides: 1, padding: 'same' }), [5, 5, 2]],
  [new GlobalAveragePooling2D(), [5, 5, 2]],
  [new ReLU(), [3]],
  [new LeakyReLU(0.2), [2, 3]],
  [new Sigmoid(), [3]],
  [new Tanh(), [3]],
  [new Softmax(), [3]],
  [new Linear(), [3]],
];

describe('LayerClass.paramShapes of the layers this package registers', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('every registered layer type declares it', () => {
    for (const type of registeredLayerTypes()) {
      expect(typeof findLayer(type)?.paramShapes, type).toBe('function');
    }
    expect(new Set(cases.map(([layer]) => layer.getConfig().type))).toEqual(
      new Set(registeredLayerTypes()),
    );
  });

  it.each(cases.map(([layer, shape]) => [layer.getConfig().type, layer, shape] as const))(
    '%s: what it declares is what a layer of that config holds, built or not',
    (type, layer, input) => {
      const config = layer.getConfig();
      const layerClass = findLayer(type)!;
      const unbuilt = layerClass.fromConfig(config);
      expect(layerClass.paramShapes!(config)).toEqual({
        params: byName(unbuilt.params()),
        ...(unbuilt.buffers?.().length && { buffers: byName(unbuilt.buffers()) }),
      });
      const built = layerClass.fromConfig(config);
      built.build(input);
      const declared = layerClass.paramShapes!(config, input);
      expect(declared.params).toEqual(byName(built.params()));
      expect(declared.buffers ?? {}).toEqual(byName(built.buffers?.() ?? []));
      expect(declared.outputShape).toEqual(built.outputShape);
    },
  );

  it('allocates nothing, however large the config', () => {
    const spies = (['allocate', 'zeros', 'filled'] as const).map((name) => vi.spyOn(Tensor, name));
    const conv = { ...new Conv2D({ filters: 2, kernelSize: 3 }).getConfig(), filters: 2 ** 20 };
    expect(Conv2D.paramShapes(conv, [6, 6, 1]).params).toEqual({
      kernel: [3, 3, 1, 2 ** 20],
      bias: [2 ** 20],
    });
    const dense = { type: 'Dense', nIn: 2 ** 20, nOut: 2 ** 20, init: 'he' };
    expect(Dense.paramShapes(dense).params).toEqual({
      weights: [2 ** 20, 2 ** 20],
      bias: [2 ** 20],
    });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a config or an input shape as the layer would, naming it', () => {
    const conv = new Conv2D({ filters: 2, kernelSize: 3 }).getConfig();
    expect(() => Conv2D.paramShapes({ ...conv, filters: 0 }, [6, 6, 1])).toThrow(
      'Conv2D: filters must be an integer >= 1, got 0',
    );
    expect(() => Conv2D.paramShapes(conv, [2, 2, 1])).toThrow(/larger than the 2×2 input/);
    expect(() => Dense.paramShapes({ type: 'Dense', nIn: -1, nOut: 2 })).toThrow(
      'Dense: nIn must be an integer >= 1, got -1',
    );
    expect(() => Reshape.paramShapes({ type: 'Reshape', targetShape: [5] }, [2, 3])).toThrow(
      /cannot reshape samples of shape \[2, 3\]/,
    );
  });
});
