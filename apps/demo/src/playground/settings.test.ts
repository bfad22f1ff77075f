import { describe, expect, it } from 'vitest';
import { buildModel } from './model.js';
import {
  DEFAULT_SETTINGS,
  formatSettings,
  type PlaygroundSettings,
  parseHiddenLayers,
  readSettings,
} from './settings.js';
import { settingsFromQuery, settingsToQuery } from './url.js';

const settings: PlaygroundSettings = {
  ...DEFAULT_SETTINGS,
  dataset: 'spiral',
  hidden: [8, 4],
  batchNorm: true,
  dropout: 0.1,
};

const types = (s: PlaygroundSettings, classes: number) =>
  buildModel(s, classes).layers.map((l) => l.getConfig().type);

describe('playground settings', () => {
  it('reads hidden widths separated by commas or spaces, up to 6 layers of 1 to 8', () => {
    expect(parseHiddenLayers('8, 4')).toEqual([8, 4]);
    expect(parseHiddenLayers(' 6 3 ')).toEqual([6, 3]);
    expect(parseHiddenLayers('')).toEqual([]);
    expect(() => parseHiddenLayers('8, x')).toThrow(/hidden layer 2 is 'x'/);
    expect(() => parseHiddenLayers('9')).toThrow(
      "hidden layer 1 is '9'; expected a width from 1 to 8",
    );
    expect(() => parseHiddenLayers('1 1 1 1 1 1 1')).toThrow('at most 6 hidden layers, got 7');
  });

  it('builds Dense, BatchNormalization, activation, Dropout per hidden layer, then Softmax', () => {
    expect(types(settings, 3)).toEqual([
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
    const plain = { ...settings, hidden: [], batchNorm: false, dropout: 0 };
    expect(types(plain, 3)).toEqual(['Dense', 'Softmax']);
  });

  it('takes one input per feature, and a linear output with MSE for regression', () => {
    const model = buildModel({ ...settings, features: ['x1', 'x2', 'x1x2', 'sinx1'] }, 0);
    expect(model.inputShape).toEqual([4]);
    expect(model.outputShape).toEqual([1]);
    expect(model.layers.at(-1)!.getConfig().type).toBe('Dense');
    expect(model.requireLoss('test').getConfig().type).toBe('MeanSquaredError');
  });

  it('puts the L1/L2 strengths on the loss, which penalises the Dense weights', () => {
    const loss = buildModel({ ...settings, l1: 0.001, l2: 0.01 }, 3).requireLoss('test');
    expect(loss.getConfig()).toMatchObject({
      type: 'CategoricalCrossentropy',
      l1: 0.001,
      l2: 0.01,
    });
  });
});

describe('settings in the address', () => {
  it('round-trips every setting exactly through the query string', () => {
    const custom: PlaygroundSettings = {
      dataset: 'gaussians',
      noise: 0.35,
      testRatio: 0.3,
      features: ['x1', 'x2sq', 'x1x2', 'sinx2'],
      hidden: [8, 1, 3],
      activation: 'leaky-relu',
      optimizer: 'rmsprop',
      learningRate: 0.0123,
      l1: 0.0001,
      l2: 0.003,
      batchNorm: true,
      dropout: 0.25,
      epochs: 77,
      forever: true,
      batchSize: 17,
      seed: 123456,
      speed: 'max',
    };
    for (const s of [custom, DEFAULT_SETTINGS, { ...custom, hidden: [] }]) {
      const query = settingsToQuery(s);
      expect(settingsFromQuery(query)).toEqual({ settings: s, errors: [] });
      expect(settingsToQuery(settingsFromQuery(query).settings)).toBe(query);
    }
    expect(settingsToQuery(DEFAULT_SETTINGS)).toBe(
      '?dataset=circles&noise=0.1&testRatio=0.5&features=x1%2Cx2&hidden=4%2C4&activation=tanh' +
        '&optimizer=adam&learningRate=0.03&l1=0&l2=0&batchNorm=0&dropout=0&epochs=200' +
        '&forever=0&batchSize=10&seed=42&speed=10',
    );
  });

  it('keeps the defaults for missing settings and puts features in a canonical order', () => {
    const { settings: s, errors } = settingsFromQuery('?dataset=xor&features=sinx1,x1');
    expect(errors).toEqual([]);
    expect(s).toEqual({ ...DEFAULT_SETTINGS, dataset: 'xor', features: ['x1', 'sinx1'] });
    expect(settingsFromQuery('').settings).toEqual(DEFAULT_SETTINGS);
  });

  it('names each bad value, what was expected, and the default used instead', () => {
    const { settings: s, errors } = settingsFromQuery(
      '?dataset=iris&noise=-1&testRatio=0.95&features=x1,x3&hidden=4,12&learningRate=abc' +
        '&epochs=2.5&batchNorm=yes&speed=fast&seed=&bogus=1',
    );
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(errors.map((e) => e.message)).toEqual([
      "dataset is 'iris': expected one of spiral, moons, circles, xor, blobs, checkerboard, plane, gaussians; using circles",
      "noise is '-1': expected a number from 0 to 1; using 0.1",
      "testRatio is '0.95': expected a number from 0.1 to 0.9; using 0.5",
      "features is 'x1,x3': expected distinct features from x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2, separated by commas; using x1,x2",
      "hidden is '4,12': hidden layer 2 is '12'; expected a width from 1 to 8; using 4,4",
      "learningRate is 'abc': expected a number from 0.000001 to 10; using 0.03",
      "batchNorm is 'yes': expected 0 or 1; using 0",
      "epochs is '2.5': expected an integer from 1 to 100000; using 200",
      "seed is '': expected an integer from 0 to 2147483647; using 42",
      "speed is 'fast': expected one of 1, 3, 10, 30, 100, max; using 10",
      "unknown setting 'bogus'; expected one of dataset, noise, testRatio, features, hidden, activation, optimizer, learningRate, l1, l2, batchNorm, dropout, epochs, forever, batchSize, seed, speed",
    ]);
    expect(errors.map((e) => e.key)).toContain('noise');
  });

  it('reads the same settings from form text as from the address', () => {
    const text = formatSettings(settings);
    expect(readSettings((key) => text[key])).toEqual({ settings, errors: [] });
    expect(readSettings(() => undefined).settings).toEqual(DEFAULT_SETTINGS);
    const noFeature = readSettings((key) => (key === 'features' ? '' : text[key]));
    expect(noFeature.errors.map((e) => e.key)).toEqual(['features']);
  });
});
