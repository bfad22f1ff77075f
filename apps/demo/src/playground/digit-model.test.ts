import { readFileSync } from 'node:fs';
import { loadMnist } from '@neunet/mnist';
import { NeuralNetwork } from '@neunet/model';
import { Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import card from '../../assets/digit-cnn.json';
import { MNIST_SIDE, prepareDigit } from './prepare-digit.js';

const bytes = readFileSync(new URL('../../assets/digit-cnn.neunet', import.meta.url));
const model = NeuralNetwork.fromBytes(bytes);
const test = loadMnist({ split: 'test' });
const PAD = 280;

/**
 * An MNIST digit as someone might have drawn it on the pad: each pixel a `k` × `k` block,
 * somewhere on the 280 × 280 drawing.
 */
function onPad(digit: Float32Array, k: number, left: number, top: number): Float32Array {
  const ink = new Float32Array(PAD * PAD);
  for (let r = 0; r < MNIST_SIDE * k; r++) {
    for (let c = 0; c < MNIST_SIDE * k; c++) {
      ink[(top + r) * PAD + left + c] = digit[Math.floor(r / k) * MNIST_SIDE + Math.floor(c / k)]!;
    }
  }
  return ink;
}

describe('the digit model the pad ships (assets/digit-cnn.neunet)', () => {
  it('is small, takes [28, 28, 1] images and gives ten probabilities', () => {
    expect(bytes.length).toBe(card.bytes);
    expect(bytes.length).toBeLessThan(200 * 1024);
    expect(model.inputShape).toEqual([28, 28, 1]);
    expect(model.outputShape).toEqual([10]);
    const proba = model.predictProba(new Tensor(test.X.data.slice(0, 784), [1, 28, 28, 1]));
    expect(proba.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('classifies MNIST’s 10,000 test digits as its card says, at least 98 % right', () => {
    const { accuracy } = model.evaluate(test.X, test.y);
    expect(accuracy).toBe(card.testAccuracy);
    expect(accuracy).toBeGreaterThanOrEqual(0.98);
  });

  it('still reads test digits drawn large or small anywhere on the pad, once prepared', () => {
    const rng = new Rng(3);
    const n = 1000;
    const prepared = new Float32Array(n * 784);
    for (let i = 0; i < n; i++) {
      const k = 3 + rng.int(8);
      const room = PAD - MNIST_SIDE * k;
      const digit = test.X.data.subarray(i * 784, (i + 1) * 784);
      prepared.set(
        prepareDigit(onPad(digit, k, rng.int(room + 1), rng.int(room + 1)), PAD, PAD)!,
        i * 784,
      );
    }
    const predicted = model.predict(new Tensor(prepared, [n, 28, 28, 1]));
    const right = predicted.filter((p, i) => p === test.y[i]).length;
    console.log(`digits moved and rescaled on the pad, then prepared: ${right} / ${n} right`);
    expect(right / n).toBeGreaterThanOrEqual(0.98); // 991 with the shipped model
  });
});
