import { describe, expect, it } from 'vitest';
import { Dense } from './dense.js';

// Keras habits: Dense(units), and inputShape in the options of every form.
describe('Dense as Keras writes it', () => {
  it('new Dense(8) is 8 units, the input width taken at build', () => {
    const layer = new Dense(8);
    expect(layer.nOut).toBe(8);
    expect(layer.nIn).toBeUndefined();
    expect(layer.inputShape).toBeUndefined();
    layer.build([3]);
    expect(layer.weights.value.shape).toEqual([3, 8]);
    expect(layer.getConfig()).toEqual({ type: 'Dense', nOut: 8, init: 'he', nIn: 3 });
  });

  it('new Dense(8, options) takes the options, new Dense(nIn, nOut) keeps its meaning', () => {
    const relu = new Dense(8, { activation: 'relu', init: 'glorot' });
    expect(relu.outputActivation).toBe('relu');
    expect(relu.getConfig()).toEqual({
      type: 'Dense',
      nOut: 8,
      init: 'glorot',
      activation: 'relu',
    });
    const fixed = new Dense(4, 3, { activation: 'tanh' });
    expect([fixed.nIn, fixed.nOut, fixed.inputShape]).toEqual([4, 3, [4]]);
    expect(fixed.weights.value.shape).toEqual([4, 3]);
  });

  it('inputShape is kept in every form, builds the layer at once and survives its config', () => {
    const forms = [
      new Dense({ units: 8, inputShape: [2] }),
      new Dense(8, { inputShape: [2] }),
      new Dense(2, 8, { inputShape: [2] }),
    ];
    for (const layer of forms) {
      expect(layer.inputShape).toEqual([2]);
      expect(layer.weights.value.shape).toEqual([2, 8]);
      const config = layer.getConfig();
      expect(config).toEqual({ type: 'Dense', nIn: 2, nOut: 8, init: 'he', inputShape: [2] });
      expect(Dense.fromConfig(config).getConfig()).toEqual(config);
    }
  });

  it('an inputShape of several axes maps the last one and is the only shape taken', () => {
    const layer = new Dense(4, { inputShape: [5, 3] });
    expect(layer.inputShape).toEqual([5, 3]);
    expect(layer.computeOutputShape([5, 3])).toEqual([5, 4]);
    expect(() => layer.computeOutputShape([3])).toThrow(
      'Dense(3, 4): expects samples of shape [5, 3] (its inputShape), got [3]',
    );
  });

  it('refuses an inputShape that disagrees with nIn, a bad one, and a missing nOut', () => {
    expect(() => new Dense(4, 3, { inputShape: [5] })).toThrow(
      'Dense(4, 3): inputShape [5] ends in 5, expected 4 (nIn)',
    );
    expect(() => new Dense(8, { inputShape: [0] })).toThrow(
      'Dense: inputShape: a per-sample shape must be a non-empty array of integers >= 1',
    );
    expect(() => new Dense(8, undefined as unknown as number, {})).toThrow(
      'Dense: nOut must be an integer >= 1, got undefined',
    );
    expect(() => new Dense(0)).toThrow('Dense: units must be an integer >= 1, got 0');
  });
});
