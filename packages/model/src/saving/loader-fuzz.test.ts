import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createData } from '@neunet/datasets';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editableTopology, resignedFile } from '../../test/test-files.js';
import { seedNetwork } from '../../test/test-networks.js';
import { NeuralNetwork } from '../neural-network.js';
import { unpackArtifacts } from './model-file.js';
import { ModelFormatError } from './model-format-error.js';

const { X, y } = createData({ samples: 20, classes: 3, seed: 0 });
const model = seedNetwork(2);
model.train(X, y, { epochs: 2 });
const bytes = model.toBytes();
const { weights } = unpackArtifacts(bytes);
const jsonEnd = bytes.length - weights.length;
const expected = model.predictProba(X).data;

const outcomes = { loaded: 0, rejected: 0 };
const v1File = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'format-v1-groups.neunet');

/** Every input either loads into a working model or throws ModelFormatError, nothing else. */
function loadsOrRejects(file: Uint8Array): void {
  let loaded: NeuralNetwork;
  try {
    loaded = NeuralNetwork.fromBytes(file);
  } catch (error) {
    if (!(error instanceof ModelFormatError)) throw error;
    expect(error.message.length).toBeGreaterThan(20);
    outcomes.rejected++;
    return;
  }
  outcomes.loaded++;
  loaded.predictProba(X);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside a JSON document. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((k) => paths((value as Record<string, Json>)[k]!, [...prefix, k])),
  ];
}

describe('loader fuzzing (fast-check)', () => {
  it('flipped, truncated and inserted bytes are all rejected with ModelFormatError', () => {
    const edits = fc.oneof(
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.nat(bytes.length - 1),
        bit: fc.integer({ min: 0, max: 7 }),
      }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(bytes.length - 1) }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(bytes.length),
        data: fc.uint8Array({ minLength: 1, maxLength: 8 }),
      }),
      // Aimed at the 12-byte header and the JSON, where a parser has the most to misread.
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.nat(Math.min(jsonEnd, 400)),
        bit: fc.integer({ min: 0, max: 7 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(edits, { minLength: 1, maxLength: 3 }), (list) => {
        let file = bytes.slice();
        for (const edit of list) {
          if (edit.kind === 'flip') file[Math.min(edit.at, file.length - 1)]! ^= 1 << edit.bit;
          else if (edit.kind === 'truncate')
            file = file.subarray(0, Math.min(edit.at, file.length - 1));
          else
            file = Uint8Array.from([
              ...file.subarray(0, edit.at),
              ...edit.data,
              ...file.subarray(edit.at),
            ]);
        }
        const before = outcomes.loaded;
        loadsOrRejects(file);
        // Only an edit that changed nothing (two flips of one bit) may load.
        if (outcomes.loaded > before) expect(file).toEqual(bytes);
      }),
      { numRuns: 400, seed: 1 },
    );
  }, 180_000);

  it('random bytes, with and without the magic header, are rejected', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (data, header) => {
        const file = header ? Uint8Array.from([...bytes.subarray(0, 12), ...data]) : data;
        loadsOrRejects(file);
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  it('re-signed structural edits of the topology load or are rejected, never crash', () => {
    fuzzStructure(bytes, 1500, 3);
  }, 180_000);

  it('the same for a format-1 file, which loads through the upgrade to format 2', () => {
    fuzzStructure(new Uint8Array(readFileSync(v1File)), 500, 4);
  }, 180_000);

  it('an unchanged file still loads (the fuzzing baseline) and reports the case count', () => {
    const loaded = NeuralNetwork.fromBytes(bytes);
    expect(loaded.predictProba(X).data).toEqual(expected);
    const total = outcomes.loaded + outcomes.rejected;
    console.log(
      `loader fuzzing: ${total} cases, ${outcomes.rejected} rejected with ModelFormatError, ${outcomes.loaded} loaded`,
    );
    expect(total).toBe(2700);
  });
});

/** Re-signed edits of a file's topology: values replaced or removed at random paths. */
function fuzzStructure(bytes: Uint8Array, numRuns: number, seed: number): void {
  const { weights } = unpackArtifacts(bytes);
  const topologyPaths = paths(editableTopology(bytes) as Json).filter((p) => p.length > 0);
  const json: fc.Arbitrary<Json> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -3, max: 300 }),
    fc.constantFrom(0, -1, 1e9, 2 ** 32, 0.5, 1e308, -0),
    fc.double(),
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      'Dense',
      'ReLU',
      'Dropout',
      'BatchNormalization',
      'Adam',
      'adam',
      'momentum',
      'learningRate',
      'beta1',
      '__proto__',
    ),
    fc.constant([] as Json[]),
    fc.constant({} as Json),
    fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 4 }),
  );
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(topologyPaths.length - 1), json, fc.boolean()), {
        minLength: 1,
        maxLength: 3,
      }),
      (edits) => {
        const topology = editableTopology(bytes);
        edit: for (const [index, value, remove] of edits) {
          const path = topologyPaths[index]!;
          let parent = topology as Record<string | number, unknown>;
          for (const key of path.slice(0, -1)) {
            const next = parent?.[key];
            // An earlier edit removed this path: skip the edit, still load the file.
            if (typeof next !== 'object' || next === null) continue edit;
            parent = next as Record<string | number, unknown>;
          }
          const last = path[path.length - 1]!;
          if (remove && !Array.isArray(parent)) delete parent[last];
          else parent[last] = value;
        }
        loadsOrRejects(resignedFile(topology, weights));
      },
    ),
    { numRuns, seed },
  );
}
