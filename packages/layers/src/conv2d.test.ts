import { type ActivationKind, Rng, setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceConv2d, type WindowSpec } from '../test/image-reference.js';
import { randomTensor } from '../test/random-tensor.js';
import { ReLU } from './activations.js';
import { Conv2D, type Conv2DOptions } from './conv2d.js';
import { gradientCheck } from './gradient-check.js';

interface Case {
  name: string;
  input: number[];
  options: Conv2DOptions;
  out: number[];
}

// Odd 'same' padding (TensorFlow puts the extra cell after): 8 rows at stride 2 with a
// 3-row kernel pad [0, 1]; a 4-wide kernel at stride 1 pads [1, 2].
const CASES: Case[] = [
  {
    name: 'stride 1, valid',
    input: [2, 6, 6, 3],
    options: { filters: 4, kernelSize: 3 },
    out: [4, 4, 4],
  },
  {
    name: 'stride 2, same, odd padding',
    input: [2, 8, 7, 2],
    options: { filters: 3, kernelSize: [3, 2], strides: 2, padding: 'same' },
    out: [4, 4, 3],
  },
  {
    name: 'stride 1, same, even kernel',
    input: [2, 5, 6, 2],
    options: { filters: 2, kernelSize: [2, 4], padding: 'same' },
    out: [5, 6, 2],
  },
  {
    name: 'strides [2, 1], valid',
    input: [2, 7, 5, 2],
    options: { filters: 3, kernelSize: 3, strides: [2, 1] },
    out: [3, 3, 3],
  },
  {
    name: 'dilation 2, valid',
    input: [2, 7, 8, 2],
    options: { filters: 3, kernelSize: 3, dilationRate: 2 },
    out: [3, 4, 3],
  },
  {
    name: 'dilation 2, same',
    input: [2, 6, 7, 2],
    options: { filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same' },
    out: [6, 7, 2],
  },
  {
    name: 'no bias',
    input: [2, 5, 5, 3],
    options: { filters: 2, kernelSize: 2, useBias: false },
    out: [4, 4, 2],
  },
  {
    name: 'fused tanh, same',
    input: [2, 5, 5, 2],
    options: { filters: 3, kernelSize: 3, padding: 'same', activation: 'tanh' },
    out: [5, 5, 3],
  },
  {
    name: 'fused sigmoid, stride 2',
    input: [2, 6, 6, 2],
    options: { filters: 3, kernelSize: 2, strides: 2, activation: 'sigmoid' },
    out: [3, 3, 3],
  },
];

/** The fused activations the cases use, as plain functions of one value. */
const ACT: Partial<Record<ActivationKind, (v: number) => number>> = {
  linear: (v) => v,
  tanh: Math.tanh,
  sigmoid: (v) => 1 / (1 + Math.exp(-v)),
};

function spec(layer: Conv2D): WindowSpec {
  return {
    size: [...layer.kernelSize],
    strides: [...layer.strides],
    dilation: [...layer.dilationRate],
    padding: layer.padding,
  };
}

function withBias(layer: Conv2D): void {
  const bias = layer.bias?.value.data;
  bias?.forEach((_, i) => {
    bias[i] = 0.1 * (i + 1) * (i % 2 ? -1 : 1);
  });
}

function maxGap(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

// Every test runs on the reference and on the wasm backend.
describe.each(['js', 'wasm'])('Conv2D, %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  for (const c of CASES) {
    it(`${c.name}: forward as tf.nn.conv2d defines it, backward as finite differences`, () => {
      const layer = new Conv2D({ ...c.options, seed: 3 });
      const x = randomTensor(c.input, 5);
      layer.build(c.input.slice(1));
      withBias(layer);
      expect(layer.outputShape).toEqual(c.out);

      const act = ACT[c.options.activation ?? 'linear'];
      const want = referenceConv2d(x, layer.kernel.value, layer.bias?.value.data, spec(layer), act);
      const y = layer.forward(x);
      expect(y.shape).toEqual([c.input[0], ...c.out]);
      expect(maxGap(y.data, want.data)).toBeLessThan(1e-5);

      const result = gradientCheck(layer, x);
      expect(result.input).toBeLessThan(2e-3);
      expect(result.params['kernel']).toBeLessThan(2e-3);
      if (c.options.useBias === false) expect(Object.keys(result.params)).toEqual(['kernel']);
      else expect(result.params['bias']).toBeLessThan(2e-3);
    });
  }

  it("activation: 'relu' computes what Conv2D then ReLU computes, forward and backward", () => {
    const options: Conv2DOptions = { filters: 4, kernelSize: 3, padding: 'same', seed: 8 };
    const fused = new Conv2D({ ...options, activation: 'relu' });
    const plain = new Conv2D(options);
    const relu = new ReLU();
    const x = randomTensor([3, 6, 5, 2], 1);
    const dy = randomTensor([3, 6, 5, 4], 2);
    fused.build([6, 5, 2]);
    plain.build([6, 5, 2]);
    withBias(fused);
    withBias(plain);
    expect(plain.kernel.value.data).toEqual(fused.kernel.value.data);

    expect(maxGap(fused.forward(x).data, relu.forward(plain.forward(x)).data)).toBeLessThan(1e-6);
    const dx = fused.backward(dy).data;
    expect(maxGap(dx, plain.backward(relu.backward(dy)).data)).toBeLessThan(1e-5);
    expect(maxGap(fused.kernel.grad.data, plain.kernel.grad.data)).toBeLessThan(1e-5);
    expect(maxGap(fused.bias!.grad.data, plain.bias!.grad.data)).toBeLessThan(1e-5);
    expect(fused.outputActivation).toBe('relu');
    expect(plain.outputActivation).toBe('linear');
  });

  it('reuses its buffers: once warm, forward and backward return the same tensors', () => {
    const layer = new Conv2D({ filters: 2, kernelSize: 3, activation: 'relu', seed: 1 });
    const x = randomTensor([4, 6, 6, 1], 1);
    const y = layer.forward(x);
    const dx = layer.backward(randomTensor([4, 4, 4, 2], 2));
    const again = layer.forward(x);
    expect(again).toBe(y);
    expect(layer.backward(again)).toBe(dx);
    // The last, smaller batch of an epoch takes its own view, then keeps it too.
    const small = layer.forward(randomTensor([1, 6, 6, 1], 3));
    expect(small.shape).toEqual([1, 4, 4, 2]);
    expect(layer.forward(randomTensor([1, 6, 6, 1], 4))).toBe(small);
  });

  it('skips the input gradient when asked, and still fills the kernel and bias gradients', () => {
    const a = new Conv2D({ filters: 3, kernelSize: 2, seed: 4 });
    const b = new Conv2D({ filters: 3, kernelSize: 2, seed: 4 });
    const x = randomTensor([2, 4, 4, 2], 1);
    const dy = randomTensor([2, 3, 3, 3], 2);
    a.forward(x);
    b.forward(x);
    expect(a.backward(dy, { inputGradient: false })).toBeUndefined();
    expect(b.backward(dy)).toBeDefined();
    expect(a.kernel.grad.data).toEqual(b.kernel.grad.data);
    expect(a.bias!.grad.data).toEqual(b.bias!.grad.data);
  });
});

describe('Conv2D weights', () => {
  it('has params [kernel, bias] shaped [kh, kw, inChannels, filters] and [filters], allocated at build', () => {
    const layer = new Conv2D({ filters: 8, kernelSize: [5, 3] });
    expect(layer.params()).toEqual([]);
    expect(() => layer.kernel).toThrow(
      'Conv2D({ filters: 8, kernelSize: [5, 3] }): no kernel yet, as its input channels are unknown',
    );
    layer.build([28, 28, 3]);
    expect(layer.params().map((p) => [p.name, p.value.shape])).toEqual([
      ['kernel', [5, 3, 3, 8]],
      ['bias', [8]],
    ]);
    expect(layer.kernel.penalize).toBe(true);
    expect(layer.bias!.value.data.every((v) => v === 0)).toBe(true);
    const noBias = new Conv2D({ filters: 8, kernelSize: 5, useBias: false, inputShape: [9, 9, 2] });
    expect(noBias.params().map((p) => p.name)).toEqual(['kernel']);
    expect(noBias.bias).toBeUndefined();
  });

  it('draws He-normal (std √(2 / (kh·kw·cIn))) or Glorot-uniform (limit √(6 / (kh·kw·(cIn + cOut)))) kernels', () => {
    const he = new Conv2D({ filters: 32, kernelSize: 5, seed: 1, inputShape: [12, 12, 16] });
    const values = he.kernel.value.data;
    const mean = values.reduce((a, v) => a + v, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
    expect(std / Math.sqrt(2 / (25 * 16))).toBeCloseTo(1, 1);
    expect(Math.abs(mean)).toBeLessThan(0.01);

    const glorot = new Conv2D({
      filters: 32,
      kernelSize: 5,
      kernelInitializer: 'glorot',
      seed: 1,
      inputShape: [12, 12, 16],
    });
    const limit = Math.sqrt(6 / (25 * (16 + 32)));
    const g = glorot.kernel.value.data;
    expect(Math.max(...g.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...g.map(Math.abs))).toBeGreaterThan(0.99 * limit);
  });

  it('draws from the stream handed to initialize, bit for bit, whether built before or after', () => {
    const early = new Conv2D({ filters: 4, kernelSize: 3, inputShape: [8, 8, 2], seed: 99 });
    early.initialize(new Rng(7));
    const late = new Conv2D({ filters: 4, kernelSize: 3 });
    late.initialize(new Rng(7));
    late.build([8, 8, 2]);
    expect(late.kernel.value.data).toEqual(early.kernel.value.data);
    const seeded = new Conv2D({ filters: 4, kernelSize: 3, seed: 99, inputShape: [8, 8, 2] });
    expect(seeded.kernel.value.data).not.toEqual(early.kernel.value.data);
    const again = new Conv2D({ filters: 4, kernelSize: 3, seed: 99 });
    again.build([8, 8, 2]);
    expect(again.kernel.value.data).toEqual(seeded.kernel.value.data);
  });

  it('keeps its kernel across builds of other image sizes with the same channels', () => {
    const layer = new Conv2D({ filters: 2, kernelSize: 3, padding: 'same', seed: 1 });
    layer.build([8, 8, 3]);
    const kernel = layer.kernel;
    expect(layer.forward(randomTensor([1, 5, 6, 3], 1)).shape).toEqual([1, 5, 6, 2]);
    expect(layer.kernel).toBe(kernel);
  });
});

describe('Conv2D errors name the layer and the shapes', () => {
  it('refuses inputs that are not images', () => {
    const layer = new Conv2D({ filters: 8, kernelSize: 5 });
    expect(() => layer.computeOutputShape([784])).toThrow(
      'Conv2D({ filters: 8, kernelSize: 5 }): expects images, samples of shape [height, width, channels] (batches [batch, height, width, channels], NHWC), got samples of shape [784]',
    );
    expect(() => layer.forward(Tensor.zeros([2, 784]))).toThrow(
      'Conv2D({ filters: 8, kernelSize: 5 }): expects a batch of images [batch, height, width, channels] (NHWC), got a tensor of shape [2, 784]',
    );
  });

  it('refuses a kernel larger than the padded input', () => {
    expect(() => new Conv2D({ filters: 8, kernelSize: 5 }).build([4, 28, 1])).toThrow(
      "Conv2D({ filters: 8, kernelSize: 5 }): the 5×5 kernel is larger than the 4×28 input (samples of shape [4, 28, 1]) with padding 'valid'; expected an input of at least 5×5, or padding 'same'",
    );
    expect(() =>
      new Conv2D({ filters: 1, kernelSize: 3, dilationRate: 3 }).computeOutputShape([6, 6, 1]),
    ).toThrow('the 7×7 dilated kernel is larger than the 6×6 input');
    expect(
      new Conv2D({ filters: 1, kernelSize: 5, padding: 'same' }).computeOutputShape([3, 3, 1]),
    ).toEqual([3, 3, 1]);
  });

  it('refuses another channel count once built, and another shape than its inputShape', () => {
    const layer = new Conv2D({ filters: 2, kernelSize: 3 });
    layer.build([8, 8, 3]);
    expect(() => layer.forward(randomTensor([1, 8, 8, 1], 1))).toThrow(
      'Conv2D({ filters: 2, kernelSize: 3 }): its kernel is built for 3 input channels, got samples of shape [8, 8, 1]; expected [height, width, 3]',
    );
    const first = new Conv2D({ filters: 2, kernelSize: 3, inputShape: [28, 28, 1] });
    expect(() => first.computeOutputShape([32, 32, 1])).toThrow(
      'Conv2D({ filters: 2, kernelSize: 3 }): expects samples of shape [28, 28, 1] (its inputShape), got [32, 32, 1]',
    );
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, inputShape: [28, 28] })).toThrow(
      'got samples of shape [28, 28]',
    );
  });

  it('refuses a gradient of the wrong shape', () => {
    const layer = new Conv2D({ filters: 2, kernelSize: 3, seed: 1 });
    expect(() => layer.backward(Tensor.zeros([1, 2, 2, 2]))).toThrow(
      'Conv2D.backward called before forward',
    );
    layer.forward(randomTensor([2, 5, 5, 1], 1));
    expect(() => layer.backward(Tensor.zeros([2, 3, 3, 3]))).toThrow(
      'Conv2D.backward: gradient is [2, 3, 3, 3], expected [2, 3, 3, 2]',
    );
  });

  it('refuses bad options, naming the option and what it expects', () => {
    const bad = (options: Record<string, unknown>, message: string) => {
      expect(() => new Conv2D({ filters: 4, kernelSize: 3, ...options } as Conv2DOptions)).toThrow(
        message,
      );
    };
    bad({ filters: 0 }, 'Conv2D: filters must be an integer >= 1, got 0');
    bad(
      { kernelSize: [3] },
      'Conv2D: kernelSize must be an integer >= 1 or [height, width] of them, got [3]',
    );
    bad({ kernelSize: undefined }, 'Conv2D: kernelSize must be an integer >= 1');
    bad({ strides: 0 }, 'Conv2D: strides must be an integer >= 1');
    bad({ dilationRate: 1.5 }, 'Conv2D: dilationRate must be an integer >= 1');
    bad({ padding: 'full' }, `Conv2D: padding must be 'valid' or 'same', got "full"`);
    bad({ activation: 'softmax' }, 'Conv2D: unknown activation "softmax"; expected one of linear');
    bad(
      { kernelInitializer: 'zeros' },
      `Conv2D: unknown kernelInitializer "zeros"; expected 'he' or 'glorot'`,
    );
    bad({ useBias: 'no' }, 'Conv2D: useBias must be true or false');
    bad({ learningRate: -1 }, 'Conv2D: learningRate must be a finite number > 0, got -1');
    bad({ stride: 2 }, "Conv2D: unknown option 'stride'; did you mean 'strides'?");
    bad(
      { inputShape: [28, 28, 0] },
      'Conv2D({ filters: 4, kernelSize: 3 }): inputShape: a per-sample shape must be',
    );
  });
});

describe('Conv2D config', () => {
  it('round-trips through getConfig and fromConfig', () => {
    const layers = [
      new Conv2D({
        filters: 8,
        kernelSize: 5,
        strides: 1,
        padding: 'valid',
        activation: 'relu',
        inputShape: [28, 28, 1],
      }),
      new Conv2D({
        filters: 3,
        kernelSize: [3, 2],
        strides: [2, 1],
        padding: 'same',
        dilationRate: [1, 2],
        activation: 'leakyRelu',
        alpha: 0.2,
        useBias: false,
        kernelInitializer: 'glorot',
        optimizer: 'sgd',
        learningRate: 0.05,
      }),
    ];
    expect(layers[0]!.getConfig()).toEqual({
      type: 'Conv2D',
      filters: 8,
      kernelSize: [5, 5],
      strides: [1, 1],
      padding: 'valid',
      dilationRate: [1, 1],
      activation: 'relu',
      useBias: true,
      kernelInitializer: 'he',
      inputShape: [28, 28, 1],
    });
    for (const layer of layers) {
      const copy = Conv2D.fromConfig(JSON.parse(JSON.stringify(layer.getConfig())));
      expect(copy.getConfig()).toEqual(layer.getConfig());
      expect(copy.optimizerSettings).toEqual(layer.optimizerSettings);
      expect(copy.outputActivation).toBe(layer.outputActivation);
    }
  });
});
