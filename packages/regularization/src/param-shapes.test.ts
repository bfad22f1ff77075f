import { findLayer, type Layer } from '@neunet/layers';
import { type Shape, Tensor } from '@neunet/tensor';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchNormalization, Dropout, registerRegularization } from './index.js';

const byName = (list: { name: string; value: Tensor }[]) =>
  Object.fromEntries(list.map((t) => [t.name, [...t.value.shape]]));

const cases: [Layer, Shape][] = [
  [new BatchNormalization({ epsilon: 1e-3 }), [4, 4, 3]],
  [new BatchNormalization(), [5]],
  [new Dropout(0.5), [7]],
];

describe('LayerClass.paramShapes of BatchNormalization and Dropout', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(cases.map(([layer, shape]) => [layer.getConfig().type, layer, shape] as const))(
    '%s: what it declares is what a layer of that config holds once built',
    (type, layer, input) => {
      registerRegularization();
      const config = layer.getConfig();
      const layerClass = findLayer(type)!;
      const built = layerClass.fromConfig(config);
      built.build(input);
      const declared = layerClass.paramShapes!(config, input);
      expect(declared.params).toEqual(byName(built.params()));
      expect(declared.buffers ?? {}).toEqual(byName(built.buffers?.() ?? []));
      expect(declared.outputShape).toEqual(built.outputShape);
    },
  );

  it('allocates nothing, however wide the input', () => {
    const spies = (['allocate', 'zeros', 'filled'] as const).map((name) => vi.spyOn(Tensor, name));
    const norm = BatchNormalization.paramShapes(new BatchNormalization().getConfig(), [2 ** 28]);
    expect(norm.params).toEqual({ gamma: [2 ** 28], beta: [2 ** 28] });
    expect(norm.buffers).toEqual({ runningMean: [2 ** 28], runningVar: [2 ** 28] });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
