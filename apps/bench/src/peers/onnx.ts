import { exportOnnx } from '@neunet/export';
import type { NeuralNetwork } from '@neunet/model';
import * as ort from 'onnxruntime-node';

/**
 * An onnxruntime session over a NeuNet model, exported with @neunet/export: `run` maps
 * [rows, ...inputs] to the model's outputs.
 */
export async function onnxModel(model: NeuralNetwork) {
  const session = await ort.InferenceSession.create(exportOnnx(model), {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
  });
  const inputs = model.inputShape!;
  return {
    async run(x: Float32Array, rows: number): Promise<Float32Array> {
      const out = await session.run({ input: new ort.Tensor('float32', x, [rows, ...inputs]) });
      return out['output']!.data as Float32Array;
    },
    release: () => session.release(),
  };
}
