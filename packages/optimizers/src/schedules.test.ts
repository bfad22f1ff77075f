import { describe, expect, it } from 'vitest';
import { cosineDecay, exponentialDecay, inverseTimeDecay, stepDecay } from './schedules.js';

describe('schedules', () => {
  it('exponentialDecay: base · rate^(step / steps), floored with staircase', () => {
    const smooth = exponentialDecay({ decayRate: 0.5, decaySteps: 10 });
    expect(smooth(0, 0.1)).toBe(0.1);
    expect(smooth(10, 0.1)).toBeCloseTo(0.05, 15);
    expect(smooth(5, 0.1)).toBeCloseTo(0.1 * Math.SQRT1_2, 15);
    const stairs = exponentialDecay({ decayRate: 0.5, decaySteps: 10, staircase: true });
    expect(stairs(9, 0.1)).toBe(0.1);
    expect(stairs(10, 0.1)).toBe(0.05);
    expect(stairs(25, 0.1)).toBe(0.025);
  });

  it('inverseTimeDecay: base / (1 + decay · step)', () => {
    const s = inverseTimeDecay({ decay: 1e-3 });
    expect(s(0, 0.02)).toBe(0.02);
    expect(s(1000, 0.02)).toBe(0.01);
  });

  it('stepDecay: base · factor^⌊step / dropEvery⌋', () => {
    const s = stepDecay({ dropEvery: 3, factor: 0.1 });
    expect([0, 1, 2].map((t) => s(t, 1))).toEqual([1, 1, 1]);
    expect(s(3, 1)).toBeCloseTo(0.1, 15);
    expect(s(7, 1)).toBeCloseTo(0.01, 15);
  });

  it('cosineDecay: from base down to minRate at decaySteps, flat afterwards', () => {
    const s = cosineDecay({ decaySteps: 100, minRate: 0.01 });
    expect(s(0, 0.1)).toBe(0.1);
    expect(s(50, 0.1)).toBeCloseTo(0.055, 15);
    expect(s(100, 0.1)).toBeCloseTo(0.01, 15);
    expect(s(1000, 0.1)).toBeCloseTo(0.01, 15);
    expect(cosineDecay({ decaySteps: 10 })(10, 0.1)).toBeCloseTo(0, 15);
  });

  it('carries a config', () => {
    expect(stepDecay({ dropEvery: 3, factor: 0.1 }).config).toEqual({
      type: 'stepDecay',
      dropEvery: 3,
      factor: 0.1,
    });
    expect(inverseTimeDecay({ decay: 0.5 }).config).toEqual({
      type: 'inverseTimeDecay',
      decay: 0.5,
    });
    expect(cosineDecay({ decaySteps: 10 }).config).toEqual({
      type: 'cosineDecay',
      decaySteps: 10,
      minRate: 0,
    });
  });

  it('rejects bad options', () => {
    expect(() => exponentialDecay({ decayRate: 0, decaySteps: 1 })).toThrow(
      'exponentialDecay: decayRate must be a finite number > 0, got 0',
    );
    expect(() => exponentialDecay({ decayRate: 0.5, decaySteps: -1 })).toThrow(/decaySteps/);
    expect(() => inverseTimeDecay({ decay: -1 })).toThrow(
      'inverseTimeDecay: decay must be a finite number >= 0, got -1',
    );
    expect(() => stepDecay({ dropEvery: 2.5, factor: 0.5 })).toThrow(
      'stepDecay: dropEvery must be an integer > 0, got 2.5',
    );
    expect(() => cosineDecay({ decaySteps: 10, minRate: -0.1 })).toThrow(/minRate/);
  });
});
