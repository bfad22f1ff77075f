import { Dense, type OptimizerSettings, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { Adam, type Optimizer, type OptimizerName } from '@neunet/optimizers';
import { Tensor } from '@neunet/tensor';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { NeuralNetwork } from './neural-network.js';

describe("a layer's optimizer, declared where the model builds its param groups", () => {
  it('types OptimizerSettings.optimizer (added by this package) and keeps it across save and load', () => {
    expectTypeOf<OptimizerSettings['optimizer']>().toEqualTypeOf<
      OptimizerName | Optimizer | undefined
    >();
    const model = new NeuralNetwork({ seed: 0 })
      .add(new Dense(2, 3, { learningRate: 0.002, optimizer: 'adam' }))
      .add(new Softmax());
    model.setLoss(new CategoricalCrossentropy());
    model.train(new Tensor([[1, 2]]), new Int32Array([1]), { epochs: 1 });
    expect(model.layers[0]!.getConfig()).toMatchObject({ learningRate: 0.002, optimizer: 'adam' });
    const loaded = NeuralNetwork.fromBytes(model.toBytes());
    expect(loaded.layers[0]!.optimizerSettings).toEqual({ learningRate: 0.002, optimizer: 'adam' });
    expect(loaded.optimizers[1]).toBeInstanceOf(Adam);
    expect(loaded.optimizers[1]!.paramGroups[0]!.learningRate).toBe(0.002);
  });
});
