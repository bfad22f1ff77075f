import { createData } from '@neunet/datasets';
import { Dense, LeakyReLU, Linear, Sigmoid, Tanh } from '@neunet/layers';
import { MeanSquaredError } from '@neunet/losses';
import { NeuralNetwork } from '@neunet/model';
import { BatchNormalization } from '@neunet/regularization';
import { Tensor } from '@neunet/tensor';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { exportOnnx } from './onnx.js';
import { seedNetwork } from './test-networks.js';

/** Runs the exported bytes in onnxruntime and returns the largest gap to predictProba. */
async function worstGap(model: NeuralNetwork, X: Tensor): Promise<number> {
  const session = await ort.InferenceSession.create(exportOnnx(model));
  expect(session.inputNames).toEqual(['input']);
  expect(session.outputNames).toEqual(['output']);
  const result = await session.run({ input: new ort.Tensor('float32', X.data, [X.rows, X.cols]) });
  const theirs = result.output!.data as Float32Array;
  const ours = model.predictProba(X).data;
  expect(theirs).toHaveLength(ours.length);
  return Math.max(...ours.map((v, i) => Math.abs(v - theirs[i]!)));
}

describe('exportOnnx, checked in onnxruntime-node', () => {
  it("the seed's example (BatchNormalization in inference form, Dropout dropped) within 1e-5", async () => {
    const { X, y } = createData({ samples: 100, classes: 3, seed: 0 });
    const model = seedNetwork(42);
    model.train(X, y, { epochs: 30, batchSize: 32 });
    // Trained running statistics, so that BatchNormalization is not the identity.
    const bn = model.layers[1]!.buffers!()[0]!.value.data;
    expect(bn.some((m) => Math.abs(m) > 1e-3)).toBe(true);
    const gap = await worstGap(model, X);
    console.log(`ONNX seed example: worst |onnxruntime − predictProba| = ${gap.toExponential(2)}`);
    expect(gap).toBeLessThan(1e-5);
  });

  it('a regression net (Tanh, LeakyReLU, Sigmoid, fused Dense activations, Linear output) within 1e-5', async () => {
    const X = new Tensor(Array.from({ length: 64 }, (_, i) => [i / 32 - 1, Math.cos(i)]));
    const target = new Tensor(Array.from({ length: 64 }, (_, i) => [Math.sin(3 * (i / 32 - 1))]));
    const model = new NeuralNetwork({ seed: 3, learningRate: 0.01 })
      .add(new Dense(2, 16))
      .add(new Tanh())
      .add(new Dense(16, 16))
      .add(new LeakyReLU(0.1))
      .add(new Dense(16, 8, { activation: 'leakyRelu', alpha: 0.05 }))
      .add(new Dense(8, 8, { activation: 'tanh' }))
      .add(new Dense(8, 8, { activation: 'relu' }))
      .add(new Dense(8, 8, { activation: 'sigmoid' }))
      .add(new Dense(8, 8))
      .add(new Sigmoid())
      .add(new Dense(8, 1))
      .add(new Linear())
      .setLoss(new MeanSquaredError());
    model.train(X, target, { epochs: 50, batchSize: 16 });
    const gap = await worstGap(model, X);
    console.log(`ONNX regression net: worst gap = ${gap.toExponential(2)}`);
    expect(gap).toBeLessThan(1e-5);
  });

  it('names a layer with no ONNX form and a model without a known input width', () => {
    const custom = {
      forward: (x: Tensor) => x,
      backward: (d: Tensor) => d,
      build: (n: number) => n,
      params: () => [],
      getConfig: () => ({ type: 'Swish' }),
    };
    const model = new NeuralNetwork({ seed: 1 }).add(new Dense(2, 2)).add(custom);
    expect(() => exportOnnx(model)).toThrow(/layer 2 \(Swish\) has no ONNX form/);
    expect(() => exportOnnx(new NeuralNetwork().add(new BatchNormalization()))).toThrow(
      /no known input width/,
    );
  });
});
