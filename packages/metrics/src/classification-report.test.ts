import { describe, expect, it } from 'vitest';
// classification_report(yTrue, yPred, digits=digits, zero_division=0) from scikit-learn
// 1.2.1, written by make-python-fixtures.py (seeded): 4 to 32 samples of 2 to 4 classes,
// so that many scores are exact binary ties such as 0.125, then 8 to 12 classes, where
// numpy's pairwise sums matter. Only cases where 1.2.1's F1 formula, 2pr/(p + r),
// gives the same double as NeuNet's 2tp/(2tp + fp + fn) are kept.
import reference from './classification-report.fixture.json';
import { classificationReport } from './classification-report.js';
import { confusionMatrix } from './confusion-matrix.js';
import { formatConfusionMatrix } from './format-confusion-matrix.js';

// The 3-class example of precision-recall-f1.test.ts (hand-computed there).
const yTrue = Int32Array.from([0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
const yPred = Int32Array.from([0, 1, 0, 1, 1, 2, 1, 2, 2, 1]);

describe('classificationReport', () => {
  it('prints scikit-learn’s layout and numbers', () => {
    // repr(sklearn.metrics.classification_report(yTrue, yPred)), scikit-learn 1.2.1.
    expect(classificationReport(yTrue, yPred)).toBe(
      '              precision    recall  f1-score   support\n\n' +
        '           0       1.00      0.67      0.80         3\n' +
        '           1       0.60      0.75      0.67         4\n' +
        '           2       0.67      0.67      0.67         3\n\n' +
        '    accuracy                           0.70        10\n' +
        '   macro avg       0.76      0.69      0.71        10\n' +
        'weighted avg       0.74      0.70      0.71        10\n',
    );
  });

  it('rounds exact ties half to even, as scikit-learn (Python) prints them', () => {
    // Recall 1/8 = 0.125 exactly: scikit-learn prints 0.12, toFixed would print 0.13.
    const t = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
    const p = [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    expect(classificationReport(t, p).split('\n')[2]).toBe(
      '           0       1.00      0.12      0.22         8',
    );
  });

  it(`matches scikit-learn's text on ${reference.length} reference cases`, () => {
    for (const { yTrue: t, yPred: p, digits, text } of reference) {
      expect(classificationReport(t, p, { digits }), JSON.stringify({ t, p, digits })).toBe(text);
    }
  });

  it('takes class names and digits', () => {
    // classification_report(yTrue, yPred, target_names=['cat', 'dog', 'bird'], digits=3).
    expect(
      classificationReport(yTrue, yPred, { classNames: ['cat', 'dog', 'bird'], digits: 3 }),
    ).toBe(
      '              precision    recall  f1-score   support\n\n' +
        '         cat      1.000     0.667     0.800         3\n' +
        '         dog      0.600     0.750     0.667         4\n' +
        '        bird      0.667     0.667     0.667         3\n\n' +
        '    accuracy                          0.700        10\n' +
        '   macro avg      0.756     0.694     0.711        10\n' +
        'weighted avg      0.740     0.700     0.707        10\n',
    );
  });

  it('reports a never-predicted class with zeros, as zero_division=0', () => {
    // classification_report([0, 0, 1], [0, 0, 0], zero_division=0).
    expect(classificationReport([0, 0, 1], [0, 0, 0])).toBe(
      '              precision    recall  f1-score   support\n\n' +
        '           0       0.67      1.00      0.80         2\n' +
        '           1       0.00      0.00      0.00         1\n\n' +
        '    accuracy                           0.67         3\n' +
        '   macro avg       0.33      0.50      0.40         3\n' +
        'weighted avg       0.44      0.67      0.53         3\n',
    );
  });

  it('widens the name column for long names and rejects a wrong count', () => {
    const text = classificationReport([0, 1], [0, 1], { classNames: ['a rather long name', 'b'] });
    expect(text.split('\n')[2]).toBe('a rather long name       1.00      1.00      1.00         1');
    expect(() => classificationReport([0, 1], [0, 1], { classNames: ['a'] })).toThrow(
      'classificationReport: yTrue[1] is class 1 but numClasses is 1; expected labels 0..0',
    );
    expect(() => classificationReport([0], [0], { digits: -1 })).toThrow(/digits is -1/);
  });
});

describe('confusionMatrix with class names', () => {
  it('sizes the matrix by the names and prints it with them', () => {
    const m = confusionMatrix([0, 1, 1], [0, 1, 0], { classNames: ['cat', 'dog', 'bird'] });
    expect(m).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [0, 0, 0],
    ]);
    expect(formatConfusionMatrix(m, { classNames: ['cat', 'dog', 'bird'] })).toBe(
      'true \\ pred   cat   dog  bird\n' +
        'cat             1     0     0\n' +
        'dog             1     1     0\n' +
        'bird            0     0     0\n',
    );
    expect(() => confusionMatrix([0], [0], { classNames: ['a', 'b'], numClasses: 3 })).toThrow(
      /classNames has 2 names but numClasses is 3/,
    );
    expect(() => formatConfusionMatrix(m, { classNames: ['a'] })).toThrow(
      /classNames has 1 names but the matrix is 3×3/,
    );
  });
});
