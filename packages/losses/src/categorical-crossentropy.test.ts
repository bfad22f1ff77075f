import { getBackend, Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import {
  expectGradient,
  numericGradient,
  oneHot,
  randomLabels,
  randomProbabilities,
} from '../test/test-helpers.js';
import { CategoricalCrossentropy } from './categorical-crossentropy.js';

const loss = new CategoricalCrossentropy();
const pred = new Tensor([
  [0.7, 0.2, 0.1],
  [0.1, 0.5, 0.4],
]);
const labels = Int32Array.from([0, 1]);

describe('CategoricalCrossentropy.forward', () => {
  it('is the mean of −log(p of the correct class)', () => {
    expect(loss.forward(pred, labels)).toBeCloseTo((-Math.log(0.7) - Math.log(0.5)) / 2, 6);
  });

  it('gives the same value for sparse labels and one-hot rows', () => {
    expect(loss.forward(pred, oneHot(labels, 3))).toBe(loss.forward(pred, labels));
  });

  it('clips p to [1e-7, 1 − 1e-7]: a certain wrong answer costs −log(1e-7)', () => {
    const certain = new Tensor([
      [0, 1],
      [1, 0],
    ]);
    expect(loss.forward(certain, Int32Array.from([0, 0]))).toBeCloseTo(
      (-Math.log(1e-7) - Math.log(1 - 1e-7)) / 2,
      9,
    );
    expect(loss.forward(certain, Int32Array.from([1, 0]))).toBeCloseTo(-Math.log(1 - 1e-7), 12);
  });

  it('weights soft targets: −Σ y·log p', () => {
    const soft = new Tensor([[0.25, 0.75, 0]]);
    const p = new Tensor([[0.5, 0.25, 0.25]]);
    expect(loss.forward(p, soft)).toBeCloseTo(-0.25 * Math.log(0.5) - 0.75 * Math.log(0.25), 9);
  });
});

describe('CategoricalCrossentropy.backward', () => {
  const rng = new Rng(5);

  for (const kind of ['sparse', 'one-hot', 'soft'] as const) {
    it(`matches finite differences (${kind} targets)`, () => {
      const p = randomProbabilities(6, 4, rng);
      const sparse = randomLabels(6, 4, rng);
      const target =
        kind === 'sparse'
          ? sparse
          : kind === 'one-hot'
            ? oneHot(sparse, 4)
            : randomProbabilities(6, 4, rng);
      const analytic = loss.backward(p, target).data;
      expectGradient(
        analytic,
        numericGradient(() => loss.forward(p, target), p.data),
      );
    });
  }

  it('is −1/(p·N) at the correct class and 0 elsewhere; the same for sparse and one-hot', () => {
    const g = loss.backward(pred, labels);
    expect(Array.from(g.data)).toEqual(
      [-1 / Math.fround(0.7) / 2, 0, 0, 0, -1 / 0.5 / 2, 0].map(Math.fround),
    );
    expect(loss.backward(pred, oneHot(labels, 3)).data).toEqual(g.data);
  });

  it('is 0 where clipping was active', () => {
    const certain = new Tensor([
      [0, 1],
      [1, 0],
    ]);
    expect(Array.from(loss.backward(certain, Int32Array.from([0, 0])).data)).toEqual([0, 0, 0, 0]);
  });

  it('writes into out, which may be pred itself', () => {
    const out = Tensor.filled([2, 3], 9);
    expect(loss.backward(pred, labels, out)).toBe(out);
    const inPlace = pred.clone();
    loss.backward(inPlace, labels, inPlace);
    expect(inPlace.data).toEqual(out.data);
  });
});

describe('CategoricalCrossentropy.backwardFromSoftmax', () => {
  it('is (p − y)/N', () => {
    const g = loss.backwardFromSoftmax(pred, labels);
    const want = [-0.3, 0.2, 0.1, 0.1, -0.5, 0.4].map((v) => v / 2);
    g.data.forEach((v, i) => {
      expect(v).toBeCloseTo(want[i]!, 7);
    });
    expect(loss.backwardFromSoftmax(pred, oneHot(labels, 3)).data).toEqual(g.data);
  });

  it('equals the chain rule through the softmax Jacobian', () => {
    const rng = new Rng(9);
    const n = 5;
    const c = 4;
    const logits = Tensor.zeros([n, c]);
    for (let i = 0; i < logits.size; i++) logits.data[i] = rng.normal(0, 2);
    const p = getBackend().softmaxRows(logits, Tensor.zeros([n, c]));
    const target = randomLabels(n, c, rng);
    const dp = loss.backward(p, target).data;
    const fused = loss.backwardFromSoftmax(p, target).data;
    for (let r = 0; r < n; r++) {
      // dz_i = Σ_j J[j][i]·dp_j with J[j][i] = ∂p_j/∂z_i = p_j(δ_ij − p_i).
      for (let i = 0; i < c; i++) {
        let dz = 0;
        for (let j = 0; j < c; j++) {
          const pj = p.data[r * c + j]!;
          const pi = p.data[r * c + i]!;
          dz += pj * ((i === j ? 1 : 0) - pi) * dp[r * c + j]!;
        }
        expect(fused[r * c + i]).toBeCloseTo(dz, 6);
      }
    }
  });

  it('matches finite differences of the loss of softmax(logits)', () => {
    const rng = new Rng(13);
    const logits = Tensor.zeros([3, 5]);
    for (let i = 0; i < logits.size; i++) logits.data[i] = rng.normal();
    const target = randomLabels(3, 5, rng);
    const p = Tensor.zeros([3, 5]);
    const f = () => loss.forward(getBackend().softmaxRows(logits, p), target);
    const numeric = numericGradient(f, logits.data);
    getBackend().softmaxRows(logits, p);
    expectGradient(loss.backwardFromSoftmax(p, target).data, numeric);
  });
});

describe('CategoricalCrossentropy errors', () => {
  it('names both sample counts when they differ', () => {
    expect(() => loss.forward(pred, Int32Array.from([0, 1, 2]))).toThrow(
      'CategoricalCrossentropy.forward: pred has 2 rows (samples) but target has 3 labels',
    );
    expect(() => loss.backward(pred, Tensor.zeros([3, 3]))).toThrow(
      'CategoricalCrossentropy.backward: pred has 2 rows (samples) but target has 3',
    );
  });

  it('names the row and the value of a label out of range', () => {
    expect(() => loss.forward(pred, Int32Array.from([0, 3]))).toThrow(
      'CategoricalCrossentropy.forward: label 3 at row 1 is outside [0, 3) (pred has 3 classes)',
    );
    expect(() => loss.backwardFromSoftmax(pred, Int32Array.from([-1, 0]))).toThrow(
      /label -1 at row 0 is outside \[0, 3\)/,
    );
  });

  it('rejects a one-hot target whose shape differs from pred', () => {
    expect(() => loss.forward(pred, Tensor.zeros([2, 4]))).toThrow(
      'CategoricalCrossentropy.forward: target shape [2, 4] does not match pred shape [2, 3]',
    );
  });

  it('rejects an out buffer of the wrong size and an empty pred', () => {
    expect(() => loss.backward(pred, labels, Tensor.zeros([3, 2, 2]))).toThrow(
      "CategoricalCrossentropy.backward: out has shape [3, 2, 2], expected pred's shape [2, 3]",
    );
    expect(() => loss.forward(Tensor.zeros([0, 3]), new Int32Array(0))).toThrow(
      /pred is empty \(shape \[0, 3\]\); expected at least one sample/,
    );
  });

  it('rejects a target that is neither an Int32Array nor a Tensor', () => {
    expect(() => loss.forward(pred, [0, 1] as unknown as Int32Array)).toThrow(
      /target must be an Int32Array or a Tensor/,
    );
  });
});

describe('CategoricalCrossentropy config', () => {
  it('takes penalty factors and describes itself', () => {
    const l = new CategoricalCrossentropy({ l2: 1e-4 });
    expect(l.penalty.l2).toBe(1e-4);
    expect(l.getConfig()).toEqual({ type: 'CategoricalCrossentropy', l1: 0, l2: 1e-4 });
  });
});
