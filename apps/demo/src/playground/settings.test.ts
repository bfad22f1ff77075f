import { describe, expect, it } from 'vitest';
import { buildModel, type PlaygroundSettings, parseHiddenLayers } from './settings.js';

const settings: PlaygroundSettings = {
  dataset: 'spiral',
  hidden: [8, 4],
  activation: 'tanh',
  optimizer: 'adam',
  learningRate: 0.01,
  batchNorm: true,
  dropout: 0.1,
  epochs: 10,
  batchSize: 32,
  seed: 1,
};

describe('playground settings', () => {
  it('reads hidden widths separated by commas or spaces', () => {
    expect(parseHiddenLayers('64, 32')).toEqual([64, 32]);
    expect(parseHiddenLayers(' 16 8 ')).toEqual([16, 8]);
    expect(parseHiddenLayers('')).toEqual([]);
    expect(() => parseHiddenLayers('64, x')).toThrow(/hidden layer 2 is 'x'/);
  });

  it('builds Dense, BatchNormalization, activation, Dropout per hidden layer, then Softmax', () => {
    const model = buildModel(settings, 2, 3);
    expect(model.layers.map((l) => l.getConfig().type)).toEqual([
      'Dense',
      'BatchNormalization',
      'Tanh',
      'Dropout',
      'Dense',
      'BatchNormalization',
      'Tanh',
      'Dropout',
      'Dense',
      'Softmax',
    ]);
    const plain = buildModel({ ...settings, hidden: [], batchNorm: false, dropout: 0 }, 2, 3);
    expect(plain.layers.map((l) => l.getConfig().type)).toEqual(['Dense', 'Softmax']);
  });
});
