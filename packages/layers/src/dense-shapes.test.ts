import { Rng, setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomTensor, step } from '../test/random-tensor.js';
import { Dense } from './dense.js';
import { gradientCheck } from './gradient-check.js';

// Every test runs on the reference and on the wasm backend: same answers within float32.
describe.each(['js', 'wasm'])('Dense on the last axis, %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  it('maps [batch, time, features] time step by time step, forward and backward', () => {
    const layer = new Dense(4, 3, { seed: 2, activation: 'tanh' });
    layer.bias.value.data.set([0.1, -0.2, 0.3]);
    const perStep = new Dense(4, 3, { activation: 'tanh' });
    perStep.weights.value.data.set(layer.weights.value.data);
    perStep.bias.value.data.set(layer.bias.value.data);
    const x = randomTensor([5, 6, 4], 1);
    const dy = randomTensor([5, 6, 3], 2);

    const y = layer.forward(x);
    expect(y.shape).toEqual([5, 6, 3]);
    expect(layer.outputShape).toEqual([6, 3]);
    const dx = layer.backward(dy);
    expect(dx.shape).toEqual([5, 6, 4]);

    // The reference: the same weights on each time step's [batch, features] alone; the
    // weight and bias gradients are the sums over the steps.
    const dW = new Float64Array(12);
    const dB = new Float64Array(3);
    for (let t = 0; t < 6; t++) {
      const yt = perStep.forward(step(x, t));
      const got = step(y, t).data;
      yt.data.forEach((v, i) => {
        expect(got[i]).toBeCloseTo(v, 6);
      });
      const dxt = perStep.backward(step(dy, t));
      const gotDx = step(dx, t).data;
      dxt.data.forEach((v, i) => {
        expect(gotDx[i]).toBeCloseTo(v, 5);
      });
      perStep.weights.grad.data.forEach((v, i) => {
        dW[i] = dW[i]! + v;
      });
      perStep.bias.grad.data.forEach((v, i) => {
        dB[i] = dB[i]! + v;
      });
    }
    dW.forEach((v, i) => {
      expect(layer.weights.grad.data[i]).toBeCloseTo(v, 4);
    });
    dB.forEach((v, i) => {
      expect(layer.bias.grad.data[i]).toBeCloseTo(v, 4);
    });
  });

  it('passes a gradient check on [batch, time, features] and on a rank-4 input', () => {
    const layer = new Dense(5, 3, { seed: 3 });
    layer.bias.value.data.set([0.1, -0.2, 0.3]);
    for (const x of [randomTensor([3, 4, 5], 9), randomTensor([2, 2, 3, 5], 10)]) {
      const result = gradientCheck(layer, x);
      expect(result.input).toBeLessThan(2e-3);
      expect(result.params['weights']).toBeLessThan(2e-3);
      expect(result.params['bias']).toBeLessThan(2e-3);
    }
  });

  it('new Dense({ units }) takes its input width at build and then keeps it', () => {
    const layer = new Dense({ units: 3, seed: 4, activation: 'sigmoid' });
    expect(layer.nIn).toBeUndefined();
    expect(layer.inputShape).toBeUndefined();
    expect(layer.params()).toEqual([]);
    expect(() => layer.weights).toThrow(
      'Dense({ units: 3 }): no weights yet, as the input width is unknown; build(inputShape) it or add it to a model that knows its input shape',
    );
    expect(layer.getConfig()).toEqual({
      type: 'Dense',
      nOut: 3,
      init: 'he',
      activation: 'sigmoid',
    });
    expect(layer.computeOutputShape([7, 5])).toEqual([7, 3]);
    expect(layer.params()).toEqual([]);

    layer.build([7, 5]);
    expect(layer.nIn).toBe(5);
    expect(layer.outputShape).toEqual([7, 3]);
    expect(layer.params().map((p) => p.value.shape)).toEqual([[5, 3], [3]]);
    expect(layer.getConfig()).toMatchObject({ nIn: 5, nOut: 3 });
    // The same weights as new Dense(5, 3) from the same seed: one way of drawing them.
    expect(layer.weights.value.data).toEqual(new Dense(5, 3, { seed: 4 }).weights.value.data);
    expect(() => layer.build([7, 6])).toThrow(
      'Dense({ units: 3 }): expects inputs of shape [..., 5] (it maps the last axis), got [7, 6]',
    );
    expect(layer.forward(randomTensor([2, 5], 1)).shape).toEqual([2, 3]);
  });

  it('new Dense({ units }) draws from the stream it was handed before it was built', () => {
    const draw = () => {
      const layer = new Dense({ units: 4 });
      layer.initialize(new Rng(11));
      layer.forward(randomTensor([2, 3], 1));
      return layer.weights.value.data;
    };
    const built = new Dense(3, 4);
    built.initialize(new Rng(11));
    expect(draw()).toEqual(built.weights.value.data);
    expect(draw()).toEqual(draw());
  });

  it('rejects an input without its width on the last axis, naming both shapes', () => {
    expect(() => new Dense(4, 2).computeOutputShape([4, 3])).toThrow(
      'Dense(4, 2): expects inputs of shape [..., 4] (it maps the last axis), got [4, 3]',
    );
    expect(() => new Dense(4, 2).forward(Tensor.zeros([2, 4, 3]))).toThrow(/got \[4, 3\]/);
    expect(() => new Dense({ units: 0 })).toThrow('Dense: units must be an integer >= 1, got 0');
    const layer = new Dense(4, 2);
    layer.forward(Tensor.zeros([2, 3, 4]));
    expect(() => layer.backward(Tensor.zeros([2, 2]))).toThrow(
      'Dense.backward: gradient is [2, 2], expected [2, 3, 2]',
    );
  });
});
