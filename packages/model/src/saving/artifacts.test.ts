import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createData } from '@neunet/datasets';
import { Dense, LeakyReLU, Linear, ReLU, Sigmoid, Tanh } from '@neunet/layers';
import { MeanSquaredError } from '@neunet/losses';
import { SGD, stepDecay } from '@neunet/optimizers';
import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { editableTopology, resign, resignedFile } from '../../test/test-files.js';
import { seedNetwork } from '../../test/test-networks.js';
import { NeuralNetwork } from '../neural-network.js';
import { packArtifacts, unpackArtifacts } from './model-file.js';
import { ModelFormatError } from './model-format-error.js';

const { X, y } = createData({ samples: 30, classes: 3, seed: 0 });

function trainedSeedNetwork(): NeuralNetwork {
  const model = seedNetwork(1);
  model.train(X, y, { epochs: 3 });
  return model;
}

const values = (model: NeuralNetwork) => model.getWeights().map((t) => Array.from(t.data));

function expectFormatError(load: () => unknown, message: RegExp | string): void {
  let thrown: unknown;
  try {
    load();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ModelFormatError);
  expect((thrown as Error).message).toMatch(message);
}

describe('save and load', () => {
  it('writes a file that loads into the same predictions, state and history', () => {
    const model = trainedSeedNetwork();
    const path = join(mkdtempSync(join(tmpdir(), 'neunet-')), 'seed.neunet');
    model.save(path);
    const loaded = NeuralNetwork.load(path);
    expect(loaded.predictProba(X).data).toEqual(model.predictProba(X).data);
    expect(values(loaded)).toEqual(values(model));
    expect(loaded.history).toEqual(model.history);
    expect(loaded.epochsTrained).toBe(3);
    expect(loaded.summary(() => {})).toBe(model.summary(() => {}));
    expect(loaded.loss!.getConfig()).toEqual(model.loss!.getConfig());
    expect(loaded.randomState()).toEqual(model.randomState());
  });

  it('keeps training exactly where it was: optimizer state, Dropout masks, shuffling', () => {
    const model = trainedSeedNetwork();
    const loaded = NeuralNetwork.fromBytes(model.toBytes());
    const ours = model.train(X, y, { epochs: 3 });
    const theirs = loaded.train(X, y, { epochs: 3 });
    expect(theirs.loss).toEqual(ours.loss);
    expect(values(loaded)).toEqual(values(model));
  });

  it('round-trips through toArtifacts/fromArtifacts and JSON text, as a browser would store it', () => {
    const model = trainedSeedNetwork();
    const { topology, weights } = model.toArtifacts();
    const stored = { topology: JSON.parse(JSON.stringify(topology)), weights: weights.slice() };
    const loaded = NeuralNetwork.fromArtifacts(stored);
    expect(loaded.predictProba(X).data).toEqual(model.predictProba(X).data);
  });

  it('saves a layer’s own optimizer instance, a scheduled model optimizer and every activation', () => {
    const make = () =>
      new NeuralNetwork({
        seed: 4,
        optimizer: new SGD({
          learningRate: 0.05,
          momentum: 0.9,
          schedule: stepDecay({ dropEvery: 3, factor: 0.5 }),
        }),
      })
        .add(
          new Dense(2, 6, {
            optimizer: new SGD({ learningRate: 0.02, nesterov: true, momentum: 0.5 }),
          }),
        )
        .add(new Tanh())
        .add(new Dense(6, 5, { optimizer: 'rmsprop', activation: 'leakyRelu', alpha: 0.3 }))
        .add(new Dense(5, 5, { activation: 'relu', init: 'glorot' }))
        .add(new LeakyReLU(0.2))
        .add(new Dense(5, 4))
        .add(new Sigmoid())
        .add(new Dense(4, 3))
        .add(new ReLU())
        .add(new Dense(3, 1))
        .add(new Linear())
        .setLoss(new MeanSquaredError({ l1: 0.001 }));
    const target = new Tensor(Array.from({ length: X.rows }, (_, i) => [Math.sin(i)]));
    const model = make();
    model.train(X, target, { epochs: 2, batchSize: 8 });
    model.learningRateScale = 0.5;
    const loaded = NeuralNetwork.fromBytes(model.toBytes());
    expect(loaded.learningRateScale).toBe(0.5);
    // The model's SGD, the layer's own SGD, the one RMSprop for the name.
    const described = (m: NeuralNetwork) =>
      m.optimizers.map((o) => [o.getConfig().type, o.paramGroups.map((g) => g.params.length)]);
    expect(described(loaded)).toEqual([
      ['SGD', [8]],
      ['SGD', [2]],
      ['RMSprop', [2]],
    ]);
    expect(described(loaded)).toEqual(described(model));
    const ours = model.train(X, target, { epochs: 2, batchSize: 8 });
    const theirs = loaded.train(X, target, { epochs: 2, batchSize: 8 });
    expect(theirs.loss).toEqual(ours.loss);
    expect(theirs.mae).toEqual(ours.mae);
    expect(values(loaded)).toEqual(values(model));
  });

  it('saves an untrained model, whose named optimizers do not exist yet', () => {
    const model = seedNetwork(3);
    const loaded = NeuralNetwork.fromBytes(model.toBytes());
    expect(loaded.train(X, y, { epochs: 2 }).loss).toEqual(model.train(X, y, { epochs: 2 }).loss);
  });

  it('refuses to save a hand-written schedule, which it could not load', () => {
    const model = new NeuralNetwork({
      optimizer: new SGD({ schedule: (s, r) => r / (1 + s) }),
    }).add(new Dense(2, 2));
    expect(() => model.toBytes()).toThrow(/hand-written schedule, which cannot be saved/);
  });
});

describe('loading rejects bad files with an error naming the problem', () => {
  const model = trainedSeedNetwork();
  const bytes = model.toBytes();
  const { weights } = unpackArtifacts(bytes);

  it('a file that is not a model', () => {
    expectFormatError(
      () => NeuralNetwork.fromBytes(new TextEncoder().encode('{"a":1}')),
      /not a NeuNet model/,
    );
    expectFormatError(
      () => NeuralNetwork.fromBytes(new Uint8Array(0)),
      /not a NeuNet model \(0 bytes/,
    );
  });

  it('a truncated file, in the JSON or in the weights', () => {
    expectFormatError(
      () => NeuralNetwork.fromBytes(bytes.subarray(0, 200)),
      /truncated: the header announces \d+ bytes of JSON but only 188 follow/,
    );
    expectFormatError(
      () => NeuralNetwork.fromBytes(bytes.subarray(0, bytes.length - 8)),
      /checksum mismatch/,
    );
  });

  it('a corrupted weight and a hand-edited topology', () => {
    const corrupted = bytes.slice();
    corrupted[corrupted.length - 100]! ^= 0x10;
    expectFormatError(
      () => NeuralNetwork.fromBytes(corrupted),
      /checksum mismatch .* damaged or edited after saving/,
    );
    const edited = bytes.slice();
    const at = Buffer.from(edited).indexOf('"rate":0.1') + '"rate":0.'.length;
    expect(at).toBeGreaterThan(20);
    edited[at] = '2'.charCodeAt(0);
    expectFormatError(() => NeuralNetwork.fromBytes(edited), /checksum mismatch/);
  });

  it('a layer type nobody registered', () => {
    const topology = editableTopology(bytes);
    (topology.layers as { config: { type: string } }[])[2]!.config.type = 'Swish';
    expectFormatError(
      () => NeuralNetwork.fromBytes(resignedFile(topology, weights)),
      /layers\[2\] \(Swish\): unknown layer type "Swish"; known: Dense, .*BatchNormalization, Dropout.*registerLayer\(MyLayer\)/,
    );
  });

  it('shapes that do not match the layers', () => {
    const topology = editableTopology(bytes);
    const layers = topology.layers as {
      config: Record<string, unknown>;
      params: { shape: number[] }[];
    }[];
    layers[4]!.config.nOut = 65;
    expectFormatError(
      () => NeuralNetwork.fromBytes(resignedFile(topology, weights)),
      'layers[4] (Dense): its config gives params weights [128, 65], bias [65] for samples of shape [128], but the file holds weights [128, 64], bias [64]',
    );
    const swapped = editableTopology(bytes);
    const params = (swapped.layers as { params: { shape: number[] }[] }[])[1]!.params;
    params[0]!.shape = [64, 2];
    expectFormatError(
      () => NeuralNetwork.fromBytes(resignedFile(swapped, weights)),
      'layers[1] (BatchNormalization): its config gives params gamma [128], beta [128] for samples of shape [128], but the file holds gamma [64, 2], beta [128]',
    );
  });

  it('absurd sizes, before allocating them', () => {
    const topology = editableTopology(bytes);
    const first = (
      topology.layers as { config: Record<string, unknown>; params: { shape: number[] }[] }[]
    )[0]!;
    first.config.nOut = 200_000_000;
    first.params[0]!.shape = [2, 200_000_000];
    first.params[1]!.shape = [200_000_000];
    expectFormatError(
      () => NeuralNetwork.fromBytes(resignedFile(topology, weights)),
      /declares \d+ values, more than the 268435456 a model file may hold/,
    );
    const huge = editableTopology(bytes);
    huge.weightsByteLength = 2 ** 40;
    expectFormatError(
      () => NeuralNetwork.fromBytes(resignedFile(huge, weights)),
      /weightsByteLength: Invalid value: Expected <=1073741824/,
    );
  });

  it('a newer format version, and a wrong field, by its path', () => {
    const newer = editableTopology(bytes);
    newer.version = 3;
    expectFormatError(
      () => NeuralNetwork.fromBytes(packArtifacts(resign(newer, weights))),
      /format version 3 is newer than this @neunet\/model reads \(up to 2\)/,
    );
    const wrong = editableTopology(bytes);
    (wrong.random as { shuffle: { s: unknown[] } }).shuffle.s[2] = -1;
    expectFormatError(
      () => NeuralNetwork.fromBytes(resignedFile(wrong, weights)),
      /random\.shuffle\.s\.2: Invalid value/,
    );
    const extra = editableTopology(bytes);
    (extra.layers as { config: Record<string, unknown> }[])[3]!.config.noiseShape = [1];
    expectFormatError(
      () => NeuralNetwork.fromBytes(resignedFile(extra, weights)),
      /layers\[3\] \(Dropout\): cannot rebuild Dropout from .*noiseShape/,
    );
  });

  it('never evaluates anything from the file', () => {
    const topology = editableTopology(bytes);
    (topology.layers as { config: Record<string, unknown> }[])[0]!.config.type = '__proto__';
    expectFormatError(
      () => NeuralNetwork.fromBytes(resignedFile(topology, weights)),
      /unknown layer type "__proto__"/,
    );
    const loss = editableTopology(bytes);
    loss.loss = { type: 'constructor', l1: 0, l2: 0 };
    expectFormatError(
      () => NeuralNetwork.fromBytes(resignedFile(loss, weights)),
      /loss: lossFromConfig: unknown loss type "constructor"/,
    );
  });

  it('optimizer groups that point nowhere, overlap, or set what their optimizer does not have', () => {
    type Group = { params: number[][]; options: Record<string, unknown> };
    const edit = (change: (optimizers: { groups: Group[] }[]) => void) => {
      const topology = editableTopology(bytes);
      change(topology.optimizers as { groups: Group[] }[]);
      return () => NeuralNetwork.fromBytes(resignedFile(topology, weights));
    };
    expect(editableTopology(bytes).optimizers).toMatchObject([
      {
        config: { type: 'Adam', learningRate: 0.001 },
        groups: [{ options: { learningRate: 0.001 } }],
      },
      { config: { type: 'Adam' }, groups: [{ options: { learningRate: 0.002, beta1: 0.9 } }] },
    ]);
    expectFormatError(
      edit((o) => {
        o[1]!.groups[0]!.params[3] = [4, 7];
      }),
      /optimizers\[1\]\.groups\[0\]\.params\[3\] points at no param \[4, 7\]/,
    );
    expectFormatError(
      edit((o) => {
        o[0]!.groups[0]!.params[1] = [1, 0];
      }),
      /optimizers\[0\]\.groups\[0\] \(Adam\): Adam\.addParamGroup: paramGroups\[0\]: params\[1\] \('gamma'\) is already in this group/,
    );
    expectFormatError(
      edit((o) => {
        o[1]!.groups[0]!.options.momentum = 0.9;
      }),
      /optimizers\[1\]\.groups\[0\] \(Adam\): .*unknown option 'momentum'; expected one of learningRate, beta1, beta2, epsilon/,
    );
    expectFormatError(
      edit((o) => {
        o[1]!.groups[0]!.options.beta1 = 1;
      }),
      /optimizers\[1\]\.groups\[0\] \(Adam\): .*beta1 must be in \[0, 1\), got 1/,
    );
    // A param in both optimizers: the first BatchNormalization's gamma (128 values) in
    // place of the first Dense's bias (128 values too).
    expectFormatError(
      edit((o) => {
        o[1]!.groups[0]!.params[1] = [1, 0];
      }),
      /optimizers: param 'gamma' is in paramGroups\[0\] of the model's optimizer \(Adam\) and in paramGroups\[0\] of optimizer 1 \(Adam\); a param is trained by one optimizer/,
    );
  });

  it('layers and groups that disagree', () => {
    const topology = editableTopology(bytes);
    (topology.layers as { config: Record<string, unknown> }[])[4]!.config.learningRate = 0.003;
    expectFormatError(
      () => NeuralNetwork.fromBytes(resignedFile(topology, weights)),
      /optimizers: the layers and the optimizer groups disagree: layer 5 \(Dense\) asks for optimizer 'adam' and learningRate 0\.003, but its param 'weights' is already in paramGroups\[0\] of optimizer 1 \(Adam\) \(learningRate 0\.002\)/,
    );
  });

  it('reads what it wrote on disk byte for byte', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'neunet-')), 'm.neunet');
    model.save(path);
    // Buffer.compare, not toEqual: deep equality walks the 140 KB one byte at a time (2 s).
    const [onDisk, inMemory] = [readFileSync(path), model.toBytes()];
    expect(onDisk.length).toBe(inMemory.length);
    expect(Buffer.compare(onDisk, inMemory)).toBe(0);
    writeFileSync(path, readFileSync(path).subarray(0, 50));
    expectFormatError(() => NeuralNetwork.load(path), /truncated/);
  });
});
