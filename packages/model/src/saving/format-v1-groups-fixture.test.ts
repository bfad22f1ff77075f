import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dense } from '@neunet/layers';
import { describe, expect, it } from 'vitest';
import { formatV1Data, RESUME_EPOCHS } from '../../test/format-v1-data.js';
import { editableTopology, resignedFile } from '../../test/test-files.js';
import { NeuralNetwork } from '../neural-network.js';
import { ModelFormatError } from './model-format-error.js';

// A format-1 file written by main at bad898c (test/make-format-v1-groups-fixture.ts) whose
// layers choose how they are trained: 'momentum' named by two layers (one at its own rate),
// a per-layer rate on the model's scheduled Adam, a layer's own Adam instance; scale 0.5.
const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures');
const file = join(fixtures, 'format-v1-groups.neunet');
const expected = JSON.parse(
  readFileSync(join(fixtures, 'format-v1-groups.expected.json'), 'utf8'),
) as { predictions: number[]; history: Record<string, unknown>; resumedPredictions: number[] };

function resume(model: NeuralNetwork): NeuralNetwork {
  const { X, y, Xval, yval } = formatV1Data();
  model.train(X, y, { epochs: RESUME_EPOCHS, batchSize: 16, validationData: [Xval, yval] });
  return model;
}

describe('a format-1 file whose layers choose their optimizers', () => {
  it('loads into the same optimizers, each with its groups', () => {
    const model = NeuralNetwork.load(file);
    const groups = model.optimizers.map((o) => ({
      type: o.getConfig().type,
      groups: o.paramGroups.map(({ params, learningRate }) => ({
        learningRate,
        params: params.length,
      })),
    }));
    expect(groups).toEqual([
      // The model's scheduled Adam: both BatchNormalizations, and layer 5 at its own rate.
      {
        type: 'Adam',
        groups: [
          { learningRate: 0.005, params: 4 },
          { learningRate: 0.003, params: 2 },
        ],
      },
      // 'momentum': layer 1 at the class's default rate, layer 8 at its own.
      {
        type: 'SGD',
        groups: [
          { learningRate: 0.01, params: 2 },
          { learningRate: 0.02, params: 2 },
        ],
      },
      // Layer 10's own Adam.
      { type: 'Adam', groups: [{ learningRate: 0.004, params: 2 }] },
    ]);
    expect(model.optimizers[2]!.paramGroups[0]).toMatchObject({ beta1: 0.8 });
    expect(model.learningRateScale).toBe(0.5);
  });

  it('predicts exactly as it did', () => {
    const model = NeuralNetwork.load(file);
    expect(model.epochsTrained).toBe(4);
    expect(Array.from(model.predictProba(formatV1Data().X).data)).toEqual(expected.predictions);
  });

  it('resumes exactly: the same history and predictions, bit for bit, as the old code gave', () => {
    const model = resume(NeuralNetwork.load(file));
    expect(JSON.parse(JSON.stringify(model.history))).toEqual(expected.history);
    expect(Array.from(model.predictProba(formatV1Data().X).data)).toEqual(
      expected.resumedPredictions,
    );
  });

  it('resumes exactly after being saved again as format 2', () => {
    const again = NeuralNetwork.fromBytes(NeuralNetwork.load(file).toBytes());
    expect(editableTopology(again.toBytes()).version).toBe(2);
    const model = resume(again);
    expect(JSON.parse(JSON.stringify(model.history))).toEqual(expected.history);
    expect(Array.from(model.predictProba(formatV1Data().X).data)).toEqual(
      expected.resumedPredictions,
    );
  });

  it('a layer added after loading that names the same optimizer joins its instance', () => {
    const model = NeuralNetwork.load(file);
    const momentum = model.optimizers[1]!;
    model.add(new Dense(3, 3, { optimizer: 'momentum' }));
    model.groupParams();
    expect(model.optimizers).toHaveLength(3);
    expect(momentum.paramGroups).toHaveLength(3);
    expect(momentum.paramGroups[2]!.params).toEqual(model.layers.at(-1)!.params());
  });

  it('a format-1 file with inconsistent optimizer roles is rejected', () => {
    const bytes = new Uint8Array(readFileSync(file));
    const topology = editableTopology(bytes);
    (topology.optimizers as { role: string }[])[1]!.role = 'model';
    const weights = bytes.subarray(bytes.length - (topology.weightsByteLength as number));
    expect(() => NeuralNetwork.fromBytes(resignedFile(topology, weights))).toThrow(
      ModelFormatError,
    );
    expect(() => NeuralNetwork.fromBytes(resignedFile(topology, weights))).toThrow(
      /optimizers\[1\] has role 'model' and name momentum; the first must be the model's/,
    );
  });
});
