import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { classificationReport } from './classification-report.js';
import { confusionMatrix } from './confusion-matrix.js';
import { formatConfusionMatrix } from './format-confusion-matrix.js';
import { logLoss } from './log-loss.js';
import { precisionRecallF1 } from './precision-recall-f1.js';
import { rocAuc } from './roc-auc.js';

const yTrue = Int32Array.from([0, 1, 1, 0]);
const yPred = Int32Array.from([0, 1, 0, 0]);
const proba = new Tensor([[0.2], [0.9], [0.4], [0.1]]);

// JavaScript callers have no type check: `{ num_classes: 3 }` gave a 2×2 matrix before.
describe('metrics options: an unknown key names it and the nearest valid name', () => {
  it.each([
    [
      'confusionMatrix',
      () => confusionMatrix(yTrue, yPred, { num_classes: 3 } as never),
      'num_classes',
      'numClasses',
    ],
    [
      'precisionRecallF1',
      () => precisionRecallF1(yTrue, yPred, { numclass: 3 } as never),
      'numclass',
      'numClasses',
    ],
    [
      'classificationReport',
      () => classificationReport(yTrue, yPred, { digit: 3 } as never),
      'digit',
      'digits',
    ],
    [
      'formatConfusionMatrix',
      () => formatConfusionMatrix([[1]], { classnames: ['a'] } as never),
      'classnames',
      'classNames',
    ],
    ['rocAuc', () => rocAuc(yTrue, proba, { averge: 'weighted' } as never), 'averge', 'average'],
    ['logLoss', () => logLoss(yTrue, proba, { EPS: 1e-7 } as never), 'EPS', 'eps'],
  ])('%s rejects %#', (where, call, key, nearest) => {
    expect(call).toThrow(`${where}: unknown option '${key}'; did you mean '${nearest}'?`);
  });

  it('takes the documented options', () => {
    expect(
      confusionMatrix(yTrue, yPred, { numClasses: 3, classNames: ['a', 'b', 'c'] }),
    ).toHaveLength(3);
    expect(logLoss(yTrue, proba, { eps: 1e-7 })).toBeGreaterThan(0);
  });
});
