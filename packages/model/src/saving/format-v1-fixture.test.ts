import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatV1Data, RESUME_EPOCHS } from '../../test/format-v1-data.js';
import { NeuralNetwork } from '../neural-network.js';

// A file written by main before format 2 (test/make-format-v1-fixture.ts), with the
// predictions and the resumed history that code gave. Whatever the format becomes, this
// file must load without arguments, predict the same and resume bit for bit.
const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures');
const file = join(fixtures, 'format-v1.neunet');
const expected = JSON.parse(readFileSync(join(fixtures, 'format-v1.expected.json'), 'utf8')) as {
  predictions: number[];
  history: Record<string, unknown>;
};

describe('a format-1 file written by the old code', () => {
  it('loads with NeuralNetwork.load(path) and predicts exactly as it did', () => {
    const { X } = formatV1Data();
    const model = NeuralNetwork.load(file);
    expect(model.epochsTrained).toBe(4);
    expect(Array.from(model.predictProba(X).data)).toEqual(expected.predictions);
  });

  it('resumes exactly: the same history, bit for bit, as the old code gave', () => {
    const { X, y, Xval, yval } = formatV1Data();
    const model = NeuralNetwork.load(file);
    model.train(X, y, { epochs: RESUME_EPOCHS, batchSize: 16, validationData: [Xval, yval] });
    expect(model.epochsTrained).toBe(4 + RESUME_EPOCHS);
    expect(JSON.parse(JSON.stringify(model.history))).toEqual(expected.history);
    expect(model.history.loss).toHaveLength(4 + RESUME_EPOCHS);
  });
});
