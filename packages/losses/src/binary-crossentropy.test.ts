import { Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { expectGradient, numericGradient } from '../test/test-helpers.js';
import { BinaryCrossentropy } from './binary-crossentropy.js';

const loss = new BinaryCrossentropy();

function randomSigmoid(rows: number, cols: number, rng: Rng): Tensor {
  const t = Tensor.zeros([rows, cols]);
  for (let i = 0; i < t.size; i++) t.data[i] = 1 / (1 + Math.exp(-rng.normal(0, 1.5)));
  return t;
}

function randomBits(rows: number, cols: number, rng: Rng): Tensor {
  const t = Tensor.zeros([rows, cols]);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.int(2);
  return t;
}

describe('BinaryCrossentropy.forward', () => {
  const pred = new Tensor([[0.9], [0.2], [0.5]]);

  it('is the mean of −(y·log p + (1 − y)·log(1 − p))', () => {
    const want = (-Math.log(0.9) - Math.log(0.8) - Math.log(0.5)) / 3;
    expect(loss.forward(pred, new Tensor([[1], [0], [1]]))).toBeCloseTo(want, 6);
  });

  it('takes one 0/1 label per row as an Int32Array, or a 1-D tensor', () => {
    const want = loss.forward(pred, new Tensor([[1], [0], [1]]));
    expect(loss.forward(pred, Int32Array.from([1, 0, 1]))).toBe(want);
    expect(loss.forward(pred, new Tensor([1, 0, 1]))).toBe(want);
  });

  it('averages over every value of a multi-label [N, K] pred', () => {
    const p = new Tensor([
      [0.9, 0.4],
      [0.2, 0.7],
    ]);
    const y = new Tensor([
      [1, 0],
      [0, 0],
    ]);
    const want = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.8) + Math.log(0.3)) / 4;
    expect(loss.forward(p, y)).toBeCloseTo(want, 6);
  });

  it('clips p to [1e-7, 1 − 1e-7]', () => {
    const certain = new Tensor([[0], [1], [0], [1]]);
    const y = Int32Array.from([1, 0, 0, 1]);
    const want = (2 * -Math.log(1e-7) + 2 * -Math.log(1 - 1e-7)) / 4;
    expect(loss.forward(certain, y)).toBeCloseTo(want, 9);
    expect(Array.from(loss.backward(certain, y).data)).toEqual([0, 0, 0, 0]);
  });
});

describe('BinaryCrossentropy gradients', () => {
  const rng = new Rng(21);

  it('backward matches finite differences, single and multi-label', () => {
    for (const cols of [1, 3]) {
      const p = randomSigmoid(5, cols, rng);
      const y = randomBits(5, cols, rng);
      expectGradient(
        loss.backward(p, y).data,
        numericGradient(() => loss.forward(p, y), p.data),
      );
    }
  });

  it('backwardFromSigmoid is (p − y)/(N·K), the chain through σ′ = p(1 − p)', () => {
    const p = randomSigmoid(4, 2, rng);
    const y = randomBits(4, 2, rng);
    const dp = loss.backward(p, y).data;
    const fused = loss.backwardFromSigmoid(p, y).data;
    for (let i = 0; i < p.size; i++) {
      const pi = p.data[i]!;
      expect(fused[i]).toBeCloseTo((pi - y.data[i]!) / 8, 7);
      expect(fused[i]).toBeCloseTo(dp[i]! * pi * (1 - pi), 6);
    }
  });
});

describe('BinaryCrossentropy errors', () => {
  const pred = new Tensor([[0.9], [0.2]]);

  it('rejects an integer label other than 0 or 1, naming the row', () => {
    expect(() => loss.forward(pred, Int32Array.from([1, 2]))).toThrow(
      'BinaryCrossentropy.forward: label 2 at row 1 is not 0 or 1',
    );
  });

  it('rejects a target value outside [0, 1] or NaN, naming the value and its position', () => {
    const multi = new Tensor([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    expect(() =>
      loss.forward(
        multi,
        new Tensor([
          [1, 0],
          [0.25, 2],
        ]),
      ),
    ).toThrow('BinaryCrossentropy.forward: target 2 at row 1, column 1 is outside [0, 1]');
    expect(() => loss.backward(pred, new Tensor([[-0.5], [1]]))).toThrow(
      'BinaryCrossentropy.backward: target -0.5 at row 0, column 0 is outside [0, 1]',
    );
    expect(() => loss.backwardFromSigmoid(pred, new Tensor([[0], [Number.NaN]]))).toThrow(
      'BinaryCrossentropy.backwardFromSigmoid: target NaN at row 1, column 0 is outside [0, 1]',
    );
    // The edges and soft labels in between stay valid.
    expect(
      loss.forward(
        multi,
        new Tensor([
          [0, 1],
          [0.25, 0.75],
        ]),
      ),
    ).toBeCloseTo(Math.log(2), 6);
  });

  it('rejects an Int32Array when pred has several columns', () => {
    expect(() => loss.backward(Tensor.zeros([2, 3]), Int32Array.from([1, 0]))).toThrow(
      'BinaryCrossentropy.backward: target is an Int32Array (one value per row) but pred has shape [2, 3]; pass a Tensor of the same shape as pred',
    );
  });

  it('names both sample counts and both shapes', () => {
    expect(() => loss.forward(pred, Int32Array.from([1]))).toThrow(
      'pred has 2 rows (samples) but target has 1 labels',
    );
    expect(() => loss.backwardFromSigmoid(pred, Tensor.zeros([2, 2]))).toThrow(
      'BinaryCrossentropy.backwardFromSigmoid: target shape [2, 2] does not match pred shape [2, 1]',
    );
  });

  it('describes itself', () => {
    expect(new BinaryCrossentropy({ l1: 0.5 }).getConfig()).toEqual({
      type: 'BinaryCrossentropy',
      l1: 0.5,
      l2: 0,
    });
  });
});
