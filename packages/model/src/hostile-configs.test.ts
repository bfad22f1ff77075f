import {
  AveragePooling2D,
  Conv2D,
  Dense,
  Flatten,
  GlobalAveragePooling2D,
  LeakyReLU,
  Linear,
  MaxPooling2D,
  ReLU,
  Reshape,
  registeredLayerTypes,
  Sigmoid,
  Softmax,
  Tanh,
} from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import { setBackend } from '@neunet/tensor';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesAllocatedBy } from '../test/allocation-meter.js';
import { barImages } from '../test/image-data.js';
import { editableTopology, resignedFile } from '../test/test-files.js';
import { NeuralNetwork } from './neural-network.js';
import { unpackArtifacts } from './saving/model-file.js';
import { ModelFormatError } from './saving/model-format-error.js';

/** What a file under 1 MB may make the loader allocate, loaded or refused. */
const LIMIT = 64 * 2 ** 20;

/** Loads `file`, counting the bytes allocated meanwhile; the error, if it was refused. */
function load(file: Uint8Array): { bytes: number; error: unknown } {
  let error: unknown;
  const bytes = bytesAllocatedBy(() => {
    try {
      NeuralNetwork.fromBytes(file);
    } catch (thrown) {
      error = thrown;
    }
  });
  return { bytes, error };
}

type Topology = Record<string, unknown> & {
  inputShape: number[] | null;
  layers: { config: Record<string, unknown> }[];
};

const conv = new NeuralNetwork({ seed: 1 })
  .add(new Conv2D({ filters: 2, kernelSize: 3, inputShape: [8, 8, 3] }))
  .add(new ReLU())
  .add(new Flatten())
  .add(new Dense(72, 7))
  .add(new Softmax());

// Under js every tensor is a Float32Array the meter counts; under wasm the memory growth is.
describe.each(['js', 'wasm'])(
  'a small hostile model file is refused before the loader allocates much (%s)',
  (backend) => {
    beforeAll(() => {
      setBackend(backend);
    });

    it('a re-signed 3.5 KB file whose Conv2D config says filters: 2 ** 20', () => {
      const bytes = conv.toBytes();
      const topology = editableTopology(bytes) as Topology;
      topology.layers[0]!.config.filters = 2 ** 20;
      const file = resignedFile(topology, unpackArtifacts(bytes).weights);
      expect(file.length).toBeGreaterThan(3000);
      expect(file.length).toBeLessThan(4000);
      const { bytes: allocated, error } = load(file);
      expect(error).toBeInstanceOf(ModelFormatError);
      expect((error as Error).message).toBe(
        'layers[0] (Conv2D): its config gives params kernel [3, 3, 3, 1048576], bias [1048576] for samples of shape [8, 8, 3], but the file holds kernel [3, 3, 3, 2], bias [2]',
      );
      expect(allocated).toBeLessThan(2 ** 20);
    });

    it('re-signed configs of every layer type, fuzzed: each file loads or is refused within 64 MB', () => {
      const { X, y } = barImages(8, 1, 6, 2);
      const model = new NeuralNetwork({ seed: 2 })
        .add(new Conv2D({ filters: 2, kernelSize: 3, padding: 'same' }))
        .add(new BatchNormalization())
        .add(new LeakyReLU(0.2))
        .add(new MaxPooling2D({ poolSize: 2 }))
        .add(new AveragePooling2D({ poolSize: 1 }))
        .add(new Reshape([9, 2]))
        .add(new Dense({ units: 4 }))
        .add(new Tanh())
        .add(new Reshape([3, 3, 4]))
        .add(new GlobalAveragePooling2D())
        .add(new Dropout(0.1))
        .add(new Sigmoid())
        .add(new Dense(4, 3))
        .add(new Linear())
        .add(new Flatten())
        .add(new ReLU())
        .add(new Softmax())
        .setLoss(new CategoricalCrossentropy());
      model.train(X, y, { epochs: 1 });
      const bytes = model.toBytes();
      const { weights } = unpackArtifacts(bytes);
      const base = editableTopology(bytes) as Topology;
      expect(new Set(base.layers.map((layer) => layer.config.type))).toEqual(
        new Set(registeredLayerTypes()),
      );

      const huge = [2 ** 14, 2 ** 20, 2 ** 28, 2 ** 31, 1e9];
      const value = fc.oneof(
        fc.constantFrom(...huge, 0, -1, 1.5, 'same', 'valid', true, false, null),
        fc.array(fc.constantFrom(1, 2, 3, 2 ** 10, ...huge), { minLength: 1, maxLength: 4 }),
      );
      const key = fc.constantFrom(
        ...new Set(base.layers.flatMap((layer) => Object.keys(layer.config))),
        'nIn',
        'inputShape',
        'units',
      );
      const edit = fc.record({ layer: fc.nat(base.layers.length - 1), key, value });
      const stats = { loaded: 0, refused: 0, most: 0 };
      fc.assert(
        fc.property(
          fc.array(edit, { minLength: 1, maxLength: 3 }),
          fc.option(value),
          (edits, input) => {
            const topology = structuredClone(base);
            for (const { layer, key, value } of edits) {
              if (key !== 'type') topology.layers[layer]!.config[key] = value;
            }
            if (input !== null && Array.isArray(input)) topology.inputShape = input;
            const file = resignedFile(topology, weights);
            expect(file.length).toBeLessThan(2 ** 20);
            const { bytes: allocated, error } = load(file);
            if (error === undefined) stats.loaded++;
            else {
              expect(error).toBeInstanceOf(ModelFormatError);
              stats.refused++;
            }
            stats.most = Math.max(stats.most, allocated);
            expect(allocated).toBeLessThan(LIMIT);
          },
        ),
        { numRuns: 400, seed: 5 },
      );
      console.log(
        `hostile configs: ${stats.refused} refused, ${stats.loaded} loaded, at most ${stats.most} bytes allocated by one load`,
      );
      expect(stats.refused).toBeGreaterThan(300);
    }, 120_000);
  },
);
