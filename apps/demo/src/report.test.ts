import { describe, expect, it } from 'vitest';
import { formatConfusionMatrix, formatPrecisionRecallF1 } from './report.js';

describe('demo report', () => {
  it('lays the confusion matrix out with true classes down and predictions across', () => {
    expect(
      formatConfusionMatrix([
        [5, 1],
        [0, 12],
      ]).split('\n'),
    ).toEqual(['true\\pred     0    1', `0${' '.repeat(13)}5    1`, `1${' '.repeat(13)}0   12`]);
  });

  it('prints per-class scores, then macro and weighted averages with the total support', () => {
    const text = formatPrecisionRecallF1({
      precision: [1, 0.5],
      recall: [0.5, 1],
      f1: [2 / 3, 2 / 3],
      support: [2, 1],
      macro: { precision: 0.75, recall: 0.75, f1: 2 / 3 },
      weighted: { precision: 5 / 6, recall: 2 / 3, f1: 2 / 3 },
      micro: { precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 },
    });
    const lines = text.split('\n');
    expect(lines[1]).toBe('class 0         1.0000    0.5000    0.6667        2');
    expect(lines[3]).toBe('macro avg       0.7500    0.7500    0.6667        3');
    expect(lines[4]).toBe('weighted avg    0.8333    0.6667    0.6667        3');
  });
});
