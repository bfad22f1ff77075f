import { Dense, Linear } from '@neunet/layers';
import { MeanSquaredError } from '@neunet/losses';
import { Tensor } from '@neunet/tensor';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { editableTopology, resignedFile } from '../test/test-files.js';
import type { LayerDiagnostics } from './diagnostics.js';
import { NeuralNetwork } from './neural-network.js';
import type { History } from './train-options.js';

const X = new Tensor([[0], [1], [2], [3]]);
const y = new Tensor([[1], [3], [5], [7]]);

function regression(): NeuralNetwork {
  return new NeuralNetwork({ seed: 1 })
    .add(new Dense(1, 1))
    .add(new Linear())
    .setLoss(new MeanSquaredError());
}

const meanError = (yTrue: unknown, yPred: Tensor) => (yTrue ? yPred.data[0]! : 0);

describe('History', () => {
  // Checked by `pnpm typecheck` (tsc compiles the tests): each line fails to compile if the type is wrong.
  it('types every series as number[] without casts: loss, val_loss and a metric of your own', () => {
    const history = regression().train(X, y, {
      epochs: 2,
      metrics: ['mae', meanError],
      validationData: [X, y],
    });
    expectTypeOf(history.loss.at(-1)).toEqualTypeOf<number | undefined>();
    expectTypeOf(history.val_loss).toEqualTypeOf<number[] | undefined>();
    expectTypeOf(history.meanError).toEqualTypeOf<number[] | undefined>();
    expectTypeOf(history.val_meanError).toEqualTypeOf<number[] | undefined>();
    expectTypeOf(history.accuracy).toEqualTypeOf<number[] | undefined>();
    expectTypeOf(history.bestEpoch).toEqualTypeOf<number | undefined>();
    expectTypeOf(history.stoppedEpoch).toEqualTypeOf<number | undefined>();
    expectTypeOf(history.aborted).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(history.diagnostics).toEqualTypeOf<LayerDiagnostics[][] | undefined>();
    expectTypeOf<{ loss: number[] }>().toExtend<History>();
    const last: number | undefined = history.meanError?.at(-1);
    expect(last).toBe(history.meanError![1]);
    expect(history.val_loss).toHaveLength(2);
  });

  it('holds no empty accuracy series for a regression', () => {
    const model = regression();
    const history = model.train(X, y, { epochs: 2, validationData: [X, y] });
    expect(Object.keys(history).sort()).toEqual(['loss', 'mae', 'val_loss', 'val_mae']);
    expect(Object.keys(model.history).sort()).toEqual(['loss', 'mae', 'val_loss', 'val_mae']);
    const loaded = NeuralNetwork.fromBytes(model.toBytes());
    expect(Object.keys(loaded.history).sort()).toEqual(['loss', 'mae', 'val_loss', 'val_mae']);
    expect(Object.keys(regression().history)).toEqual(['loss']);
  });

  it('drops the empty accuracy series a file saved before this rule holds', () => {
    const model = regression();
    model.train(X, y, { epochs: 2 });
    const bytes = model.toBytes();
    const topology = editableTopology(bytes);
    const saved = topology.history as Record<string, unknown>;
    topology.history = { ...saved, accuracy: [] };
    const file = resignedFile(topology, model.toArtifacts().weights);
    const loaded = NeuralNetwork.fromBytes(file);
    expect(Object.keys(loaded.history).sort()).toEqual(['loss', 'mae']);
    expect(loaded.history.loss).toEqual(model.history.loss);
  });
});
