import { Dense, ReLU, Softmax } from '@neunet/layers';
import { NeuralNetwork } from '@neunet/model';
import { BatchNormalization } from '@neunet/regularization';
import { Tensor } from '@neunet/tensor';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { exportOnnx } from './onnx.js';

describe('a model whose first layer has no width of its own', () => {
  it('exports to ONNX before any training, as onnxruntime confirms', async () => {
    const model = new NeuralNetwork({ seed: 5 })
      .add(new BatchNormalization())
      .add(new ReLU())
      .add(new Dense(2, 3))
      .add(new Softmax());
    const session = await ort.InferenceSession.create(exportOnnx(model));
    const X = new Tensor([
      [0.5, -1],
      [2, 0.25],
    ]);
    const result = await session.run({ input: new ort.Tensor('float32', X.data, [2, 2]) });
    const theirs = result.output!.data as Float32Array;
    const ours = model.predictProba(X).data;
    expect(theirs).toHaveLength(ours.length);
    ours.forEach((v, i) => {
      expect(theirs[i]).toBeCloseTo(v, 6);
    });
  });
});
