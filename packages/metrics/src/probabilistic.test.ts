import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { logLoss } from './log-loss.js';
import { rocAuc } from './roc-auc.js';
import { topKAccuracy } from './top-k-accuracy.js';

const probs = new Tensor([
  [0.7, 0.2, 0.1],
  [0.1, 0.6, 0.3],
  [0.2, 0.2, 0.6],
  [0.3, 0.4, 0.3],
]);

describe('topKAccuracy', () => {
  it('counts a hit when the true class is among the k best scores', () => {
    const s = new Tensor([
      [0.5, 0.3, 0.2],
      [0.2, 0.5, 0.3],
      [0.5, 0.3, 0.2],
      [0.3, 0.3, 0.4],
    ]);
    // sklearn top_k_accuracy_score([0, 1, 2, 2], s, k=2) = 0.75: row 2 ranks class 2 last, so k = 1 and k = 2 agree here.
    expect(topKAccuracy([0, 1, 2, 2], s, 2)).toBe(0.75);
    expect(topKAccuracy([0, 1, 2, 2], s, 1)).toBe(0.75);
    expect(topKAccuracy([0, 1, 2, 2], s, 3)).toBe(1);
    // A tie ranks the lower class first, as the argmax does.
    expect(topKAccuracy([1], new Tensor([[0.4, 0.4, 0.2]]), 1)).toBe(0);
    expect(topKAccuracy([0], new Tensor([[0.4, 0.4, 0.2]]), 1)).toBe(1);
  });

  it('rejects a bad k or scores', () => {
    expect(() => topKAccuracy([0], probs.sliceRows(0, 1), 4)).toThrow(
      'topKAccuracy: k is 4; expected an integer in [1, 3] (the number of classes)',
    );
    expect(() => topKAccuracy([0], new Tensor([[0.4]]), 1)).toThrow(/expected one score per class/);
    expect(() => topKAccuracy([0, 1], probs, 1)).toThrow(/yTrue has 2 samples but yPred has 4/);
  });
});

describe('logLoss', () => {
  it('matches scikit-learn', () => {
    // log_loss([0, 1, 2, 1], probs) = (−ln 0.7 − ln 0.6 − ln 0.6 − ln 0.4) / 4.
    expect(logLoss([0, 1, 2, 1], probs)).toBeCloseTo(0.5736542308362171, 6);
    // log_loss([0, 1, 1, 0], [0.2, 0.7, 0.9, 0.4]) with a sigmoid column.
    expect(logLoss([0, 1, 1, 0], new Tensor([[0.2], [0.7], [0.9], [0.4]]))).toBeCloseTo(
      0.2990011586691898,
      6,
    );
    const oneHot = new Tensor([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
    expect(logLoss(oneHot, probs)).toBe(logLoss([0, 1, 2, 1], probs));
  });

  it('clips a confident mistake to −ln(eps) instead of ∞', () => {
    expect(
      logLoss(
        [0, 1],
        new Tensor([
          [1, 0],
          [1, 0],
        ]),
      ),
    ).toBeCloseTo(-Math.log(1e-15) / 2, 9);
    expect(logLoss([1], new Tensor([[1, 0]]), { eps: 1e-7 })).toBeCloseTo(-Math.log(1e-7), 9);
    expect(logLoss([0], new Tensor([[1, 0]]))).toBeCloseTo(0, 12);
  });

  it('rejects what is not a probability', () => {
    expect(() => logLoss([0], new Tensor([[0.5, 0.6]]))).toThrow(
      /logLoss: yProba row 0 sums to 1.1\d*; expected probabilities that sum to 1/,
    );
    expect(() => logLoss([0], new Tensor([[1.5, -0.5]]))).toThrow(
      /row 0, column 0 is 1.5; expected a probability/,
    );
    expect(() => logLoss([0], new Tensor([[Number.NaN, 1]]))).toThrow(/NaN/);
    expect(() => logLoss([], Tensor.zeros([0, 2]))).toThrow(/empty/);
    expect(() => logLoss([3], probs.sliceRows(0, 1))).toThrow(
      /yTrue\[0\] is class 3 but there are 3 classes/,
    );
  });
});

describe('rocAuc', () => {
  it('matches scikit-learn on a binary case with ties', () => {
    // roc_auc_score([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.4, 0.4]) = 0.6666666666666667.
    // By hand: pairs (pos, neg) = 9; wins 0.35>0.1; 0.8 beats 3; 0.4 beats 0.1 and ties two 0.4s.
    // (1 + 3 + 1 + 2·0.5) / 9 = 6 / 9.
    const y = [0, 0, 1, 1, 0, 1];
    const s = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4];
    expect(rocAuc(y, s)).toBeCloseTo(2 / 3, 12);
    expect(rocAuc(y, new Tensor(s.map((v) => [v])))).toBeCloseTo(2 / 3, 7);
  });

  it('averages one-vs-rest AUCs as scikit-learn does', () => {
    const S = new Tensor([
      [0.5, 0.3, 0.2],
      [0.2, 0.5, 0.3],
      [0.1, 0.3, 0.6],
      [0.4, 0.4, 0.2],
      [0.3, 0.3, 0.4],
      [0.6, 0.1, 0.3],
    ]);
    // roc_auc_score(y, S, multi_class='ovr'[, average='weighted']), scikit-learn 1.2.1.
    expect(rocAuc([0, 1, 2, 1, 0, 2], S)).toBeCloseTo(0.8125, 7);
    expect(rocAuc([0, 1, 2, 1, 0, 2], S, { average: 'weighted' })).toBeCloseTo(0.8125, 7);
    expect(rocAuc([0, 1, 2, 1, 1, 2], S)).toBeCloseTo(0.8337962962962964, 7);
    expect(rocAuc([0, 1, 2, 1, 1, 2], S, { average: 'weighted' })).toBeCloseTo(
      0.8486111111111111,
      7,
    );
  });

  it('throws where AUC is undefined', () => {
    expect(() => rocAuc([1, 1], [0.2, 0.3])).toThrow(
      'rocAuc: yTrue holds only class 1, so ROC AUC is undefined; expected both classes 0 and 1',
    );
    expect(() => rocAuc([0, 1, 0], probs.sliceRows(0, 3))).toThrow(
      /yTrue has no sample of class 2, so its one-vs-rest ROC AUC is undefined/,
    );
    expect(() => rocAuc([0, 1], [0.2, Number.NaN])).toThrow(/row 1, column 0 is NaN/);
    expect(() => rocAuc([0, 2], [0.2, 0.1])).toThrow(
      /yTrue\[1\] is class 2 but there are 2 classes/,
    );
    expect(() => rocAuc([], [])).toThrow(/empty/);
  });
});
