import { getBackend, Rng, setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { LeakyReLU, ReLU, Sigmoid, Tanh } from './activations.js';
import { Dense } from './dense.js';
import { gradientCheck } from './gradient-check.js';

function randomTensor(rows: number, cols: number, seed: number): Tensor {
  const rng = new Rng(seed);
  const t = Tensor.zeros([rows, cols]);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal();
  return t;
}

// Every test runs on the reference and on the wasm backend: same answers within float32.
describe.each(['js', 'wasm'])('Dense on the %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  it('computes x · W + b', () => {
    const layer = new Dense(2, 3);
    layer.weights.value.data.set([1, 2, 3, 4, 5, 6]);
    layer.bias.value.data.set([0.5, -1, 0]);
    const y = layer.forward(new Tensor([[1, -1]]));
    expect(Array.from(y.data)).toEqual([1 - 4 + 0.5, 2 - 5 - 1, 3 - 6]);
  });

  it('skips the input gradient when asked, with the same parameter gradients', () => {
    const layer = new Dense(5, 4, { seed: 3 });
    const x = randomTensor(6, 5, 9);
    const dy = randomTensor(6, 4, 10);
    layer.forward(x);
    expect(layer.backward(dy).shape).toEqual([6, 5]);
    const grads = layer.params().map((p) => p.grad.data.slice());
    layer.forward(x);
    expect(layer.backward(dy, { inputGradient: false })).toBeUndefined();
    expect(layer.params().map((p) => p.grad.data)).toEqual(grads);
  });

  it('passes a gradient check for the input, weights and bias', () => {
    const layer = new Dense(5, 4, { seed: 3 });
    layer.bias.value.data.set([0.1, -0.2, 0.3, 0]);
    const result = gradientCheck(layer, randomTensor(6, 5, 9));
    expect(result.input).toBeLessThan(2e-3);
    expect(result.params['weights']).toBeLessThan(2e-3);
    expect(result.params['bias']).toBeLessThan(2e-3);
  });

  it('draws He-normal weights with std √(2/nIn) and zero biases', () => {
    const layer = new Dense(200, 300, { seed: 1 });
    const w = layer.weights.value.data;
    let sum = 0;
    let sq = 0;
    for (const v of w) {
      sum += v;
      sq += v * v;
    }
    const std = Math.sqrt(sq / w.length - (sum / w.length) ** 2);
    expect(std).toBeCloseTo(Math.sqrt(2 / 200), 2);
    expect(layer.bias.value.data.every((b) => b === 0)).toBe(true);
  });

  it('draws Glorot-uniform weights within ±√(6/(nIn+nOut))', () => {
    const layer = new Dense(50, 70, { seed: 1, init: 'glorot' });
    const limit = Math.sqrt(6 / 120);
    const w = Array.from(layer.weights.value.data);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.9 * limit);
  });

  it('is reproducible from its seed', () => {
    expect(new Dense(4, 4, { seed: 7 }).weights.value.data).toEqual(
      new Dense(4, 4, { seed: 7 }).weights.value.data,
    );
    expect(new Dense(4, 4, { seed: 7 }).weights.value.data).not.toEqual(
      new Dense(4, 4, { seed: 8 }).weights.value.data,
    );
  });

  it('lists weights then bias, and declares its optimizer settings for the model', () => {
    const layer = new Dense(2, 3, { learningRate: 0.002, optimizer: 'adam' });
    const [w, b] = layer.params();
    expect(w?.name).toBe('weights');
    expect(w?.value.shape).toEqual([2, 3]);
    expect(w?.penalize).toBe(true);
    expect(b?.name).toBe('bias');
    expect(b?.penalize).toBeUndefined();
    expect(layer.optimizerSettings).toEqual({ optimizer: 'adam', learningRate: 0.002 });
    expect(layer.getConfig()).toEqual({
      type: 'Dense',
      nIn: 2,
      nOut: 3,
      init: 'he',
      learningRate: 0.002,
      optimizer: 'adam',
    });
  });

  it('reuses its output buffer for batches of the same size', () => {
    const layer = new Dense(3, 2);
    const a = layer.forward(randomTensor(4, 3, 1));
    const b = layer.forward(randomTensor(4, 3, 2));
    expect(b).toBe(a);
    expect(getBackend().name).toBe(backend);
  });

  for (const activation of ['relu', 'leakyRelu', 'sigmoid', 'tanh'] as const) {
    it(`fuses ${activation}: the same output and gradients as Dense then the activation layer`, () => {
      const fused = new Dense(5, 7, { seed: 4, activation, alpha: 0.2 });
      const plain = new Dense(5, 7, { seed: 4 });
      fused.bias.value.data.set([0.1, -0.2, 0.3, 0, 0.5, -0.4, 0.2]);
      plain.bias.value.data.set(fused.bias.value.data);
      const act = {
        relu: new ReLU(),
        leakyRelu: new LeakyReLU(0.2),
        sigmoid: new Sigmoid(),
        tanh: new Tanh(),
      }[activation];
      const x = randomTensor(6, 5, 9);
      const y = fused.forward(x);
      const want = act.forward(plain.forward(x));
      for (let i = 0; i < y.size; i++) expect(y.data[i]).toBeCloseTo(want.data[i]!, 5);
      const dy = randomTensor(6, 7, 10);
      const dx = fused.backward(dy);
      const wantDx = plain.backward(act.backward(dy));
      for (let i = 0; i < dx.size; i++) expect(dx.data[i]).toBeCloseTo(wantDx.data[i]!, 5);
      for (let i = 0; i < 35; i++) {
        expect(fused.weights.grad.data[i]).toBeCloseTo(plain.weights.grad.data[i]!, 5);
      }
      if (activation !== 'relu' && activation !== 'leakyRelu') {
        // Smooth: a finite-difference check holds everywhere.
        const result = gradientCheck(fused, x);
        expect(result.input).toBeLessThan(2e-3);
        expect(result.params['weights']).toBeLessThan(2e-3);
      }
      expect(fused.getConfig()).toMatchObject({ activation });
    });
  }

  it('rejects an unknown activation and a negative alpha', () => {
    expect(() => new Dense(2, 3, { activation: 'gelu' as 'relu' })).toThrow(
      /unknown activation 'gelu'; expected one of linear, relu/,
    );
    expect(() => new Dense(2, 3, { activation: 'leakyRelu', alpha: -1 })).toThrow(
      /alpha must be a finite number >= 0, got -1/,
    );
  });

  it('rejects bad sizes and settings with clear messages', () => {
    expect(() => new Dense(0, 3)).toThrow(/nIn must be an integer >= 1, got 0/);
    expect(() => new Dense(2, 3, { learningRate: -1 })).toThrow(
      /learningRate must be a finite number > 0/,
    );
    expect(() => new Dense(2, 3).forward(Tensor.zeros([4, 5]))).toThrow(
      'Dense(2, 3): expects inputs of shape [..., 2] (it maps the last axis), got [5]',
    );
  });
});
