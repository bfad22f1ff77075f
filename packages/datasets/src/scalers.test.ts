import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { MinMaxScaler } from './min-max-scaler.js';
import { StandardScaler } from './standard-scaler.js';

const train = new Tensor([
  [1, 10, 5],
  [2, 20, 5],
  [3, 30, 5],
  [6, 60, 5],
]);
const test = new Tensor([
  [3, 0, 5],
  [8, 40, 7],
]);

describe('StandardScaler', () => {
  it('uses the training mean and population std, and inverts exactly', () => {
    const s = new StandardScaler().fit(train);
    // Column 0: mean 3, var ((−2)² + (−1)² + 0 + 3²) / 4 = 3.5. Column 2 is constant.
    expect(s.mean).toEqual([3, 30, 5]);
    expect(s.scale![0]).toBeCloseTo(Math.sqrt(3.5), 12);
    expect(s.scale![1]).toBeCloseTo(Math.sqrt(350), 10);
    expect(s.scale![2]).toBe(1);
    const t = s.transform(test);
    expect(t.get(1, 0)).toBeCloseTo(5 / Math.sqrt(3.5), 6);
    expect(t.get(0, 1)).toBeCloseTo(-30 / Math.sqrt(350), 6);
    expect(t.get(1, 2)).toBe(2);
    const z = s.transform(train);
    for (let j = 0; j < 2; j++) {
      let m = 0;
      let v = 0;
      for (let i = 0; i < 4; i++) m += z.get(i, j) / 4;
      for (let i = 0; i < 4; i++) v += (z.get(i, j) - m) ** 2 / 4;
      expect(m).toBeCloseTo(0, 6);
      expect(v).toBeCloseTo(1, 6);
    }
    const back = s.inverseTransform(t);
    back.data.forEach((v, i) => {
      expect(v).toBeCloseTo(test.data[i]!, 5);
    });
  });

  it('saves and restores to the same transform', () => {
    const s = new StandardScaler().fit(train);
    const json = JSON.parse(JSON.stringify(s.toJSON()));
    expect(StandardScaler.fromJSON(json).transform(test).data).toEqual(s.transform(test).data);
  });

  it('throws before fit, on a different width, on no rows and on NaN', () => {
    expect(() => new StandardScaler().transform(test)).toThrow(
      'StandardScaler.transform: the scaler is not fitted; call fit(XTrain) first',
    );
    const s = new StandardScaler().fit(train);
    expect(() => s.transform(new Tensor([[1, 2]]))).toThrow(
      'StandardScaler.transform: X has 2 features but the scaler was fitted on 3; expected 3',
    );
    expect(() => new StandardScaler().fit(Tensor.zeros([0, 3]))).toThrow(/no rows/);
    expect(() => s.transform(new Tensor([[1, Number.NaN, 2]]))).toThrow(/X row 0, column 1 is NaN/);
    expect(() =>
      StandardScaler.fromJSON({ type: 'StandardScaler', mean: [0], scale: [0] }),
    ).toThrow(/scale\[0\] is 0; expected a finite number > 0/);
    expect(() => new StandardScaler().toJSON()).toThrow(/not fitted/);
  });
});

describe('MinMaxScaler', () => {
  it('maps the training range onto featureRange, extrapolating beyond it', () => {
    const s = new MinMaxScaler().fit(train);
    expect(s.dataMin).toEqual([1, 10, 5]);
    expect(s.dataMax).toEqual([6, 60, 5]);
    expect(s.transform(train).toArray()[3]).toEqual([1, 1, 0]);
    const t = s.transform(test).toArray();
    expect(t[0]![0]).toBeCloseTo(0.4, 6);
    expect(t[0]![1]).toBeCloseTo(-0.2, 6);
    expect(t[1]![0]).toBeCloseTo(1.4, 6);
    // The constant column goes to the range's low end; another value moves by its offset.
    expect(t[1]![2]).toBe(2);
    const r = new MinMaxScaler({ featureRange: [-1, 1] }).fit(train);
    expect(r.transform(train).toArray()[0]).toEqual([-1, -1, -1]);
    expect(r.inverseTransform(r.transform(test)).toArray()[1]![0]).toBeCloseTo(8, 5);
  });

  it('saves and restores, and rejects bad state', () => {
    const s = new MinMaxScaler({ featureRange: [-1, 1] }).fit(train);
    const restored = MinMaxScaler.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
    expect(restored.featureRange).toEqual([-1, 1]);
    expect(restored.transform(test).data).toEqual(s.transform(test).data);
    expect(() => new MinMaxScaler({ featureRange: [1, 1] })).toThrow(/featureRange is \[1, 1\]/);
    expect(() => new MinMaxScaler().transform(test)).toThrow(/not fitted/);
    expect(() => s.transform(new Tensor([[1]]))).toThrow(
      /X has 1 features but the scaler was fitted on 3/,
    );
    expect(() =>
      MinMaxScaler.fromJSON({
        type: 'MinMaxScaler',
        featureRange: [0, 1],
        dataMin: [2],
        dataMax: [1],
      }),
    ).toThrow(/dataMax\[0\] is 1 < dataMin\[0\] 2/);
  });
});
