import * as ort from 'onnxruntime-node';
import { type DenseWeights, mlpOnnxBytes } from '../onnx-model.js';

/** An onnxruntime session over W2's network: `run` maps [rows, nIn] inputs to probabilities. */
export async function onnxMlp(layers: readonly DenseWeights[]) {
  const session = await ort.InferenceSession.create(mlpOnnxBytes(layers), {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
  });
  const nIn = layers[0]!.nIn;
  return {
    async run(x: Float32Array, rows: number): Promise<Float32Array> {
      const out = await session.run({ X: new ort.Tensor('float32', x, [rows, nIn]) });
      return out['Y']!.data as Float32Array;
    },
    release: () => session.release(),
  };
}
