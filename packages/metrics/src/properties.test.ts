import { Tensor } from '@neunet/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateAccuracy } from './accuracy.js';
import { confusionMatrix } from './confusion-matrix.js';
import { precisionRecallF1 } from './precision-recall-f1.js';
import { r2Score } from './regression.js';
import { rocAuc } from './roc-auc.js';

/** Pairs of label arrays of one length over k classes. */
const labelPairs = fc.integer({ min: 1, max: 6 }).chain((k) =>
  fc.integer({ min: 1, max: 60 }).chain((n) =>
    fc.record({
      k: fc.constant(k),
      t: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
      p: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
    }),
  ),
);

describe('metric invariants', () => {
  it('the confusion matrix sums to N, rows to supports, and its trace over N is accuracy', () => {
    fc.assert(
      fc.property(labelPairs, ({ k, t, p }) => {
        const m = confusionMatrix(t, p, { numClasses: k });
        expect(m.flat().reduce((a, b) => a + b, 0)).toBe(t.length);
        m.forEach((row, c) => {
          expect(row.reduce((a, b) => a + b, 0)).toBe(t.filter((v) => v === c).length);
        });
        const acc = calculateAccuracy(t, p);
        expect(acc).toBeGreaterThanOrEqual(0);
        expect(acc).toBeLessThanOrEqual(1);
        expect(acc).toBe(m.reduce((s, row, c) => s + row[c]!, 0) / t.length);
      }),
    );
  });

  it('F1 lies between the smaller and larger of precision and recall', () => {
    fc.assert(
      fc.property(labelPairs, ({ k, t, p }) => {
        const r = precisionRecallF1(t, p, { numClasses: k });
        r.f1.forEach((f, c) => {
          const lo = Math.min(r.precision[c]!, r.recall[c]!);
          const hi = Math.max(r.precision[c]!, r.recall[c]!);
          expect(f).toBeGreaterThanOrEqual(lo - 1e-12);
          expect(f).toBeLessThanOrEqual(hi + 1e-12);
          expect(Number.isNaN(f)).toBe(false);
        });
        expect(r.micro.f1).toBe(calculateAccuracy(t, p));
      }),
    );
  });

  it('AUC is 1 for perfectly ranked scores, 0 for reversed, and in [0, 1] otherwise', () => {
    const cases = fc
      .array(fc.boolean(), { minLength: 2, maxLength: 50 })
      .filter((b) => b.includes(true) && b.includes(false))
      .chain((b) =>
        fc.record({
          y: fc.constant(b.map(Number)),
          noise: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
            minLength: b.length,
            maxLength: b.length,
          }),
        }),
      );
    fc.assert(
      fc.property(cases, ({ y, noise }) => {
        // Positives in (1, 2], negatives in [0, 1): every positive outranks every negative.
        const ranked = y.map((v, i) => v + noise[i]! * 0.999 + (v ? 0.001 : 0));
        expect(rocAuc(y, ranked)).toBe(1);
        expect(
          rocAuc(
            y,
            ranked.map((s) => -s),
          ),
        ).toBe(0);
        const auc = rocAuc(y, noise);
        expect(auc).toBeGreaterThanOrEqual(0);
        expect(auc).toBeLessThanOrEqual(1);
        // Swapping the classes mirrors the AUC.
        expect(
          rocAuc(
            y.map((v) => 1 - v),
            noise,
          ),
        ).toBeCloseTo(1 - auc, 12);
      }),
    );
  });

  it('R² of the true values themselves is 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (y) => {
          expect(r2Score(y, y)).toBe(1);
          const t = new Tensor(Float32Array.from(y), [y.length, 1]);
          expect(r2Score(t, t)).toBe(1);
        },
      ),
    );
  });
});
