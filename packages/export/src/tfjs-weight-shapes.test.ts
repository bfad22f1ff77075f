import { Conv2D, Dense } from '@neunet/layers';
import { NeuralNetwork } from '@neunet/model';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalSamples } from '../test/test-conv-networks.js';
import { exportTfjs, type TfjsArtifacts } from './tfjs.js';
import { importTfjs } from './tfjs-import.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A Conv2D whose kernel is [3, 2, 3, 5] and a Dense whose kernel is [4, 3]. */
function network(): NeuralNetwork {
  return new NeuralNetwork({ seed: 6, inputShape: [4, 3, 3] })
    .add(new Conv2D({ filters: 5, kernelSize: [3, 2], padding: 'same' }))
    .add(new Dense({ units: 4 }))
    .add(new Dense({ units: 3 }));
}

/** The artifacts with one weight's spec given another shape of the same size. */
function withShape(artifacts: TfjsArtifacts, name: string, shape: number[]): TfjsArtifacts {
  const weightSpecs = artifacts.weightSpecs.map((s) => (s.name === name ? { ...s, shape } : s));
  return { ...artifacts, weightSpecs };
}

describe('importTfjs reads each weight only at the shape its layer expects', () => {
  it('imports a correct file bit-exactly', () => {
    const model = network();
    const back = importTfjs(exportTfjs(model));
    const X = normalSamples([6, 4, 3, 3], 1);
    expect(back.predictProba(X).data).toEqual(model.predictProba(X).data);
    expect((back.layers[0] as Conv2D).kernel.value.data).toEqual(
      (model.layers[0] as Conv2D).kernel.value.data,
    );
  });

  for (const [weight, permuted, expected] of [
    ['conv2d_1/kernel', [2, 3, 3, 5], [3, 2, 3, 5]],
    ['dense_3/kernel', [3, 4], [4, 3]],
  ] as const) {
    it(`refuses '${weight}' saved as [${permuted.join(', ')}] (same count, scrambled), as TensorFlow.js does`, async () => {
      const bad = withShape(exportTfjs(network()), weight, [...permuted]);
      expect(() => importTfjs(bad)).toThrow(
        `weight '${weight}' has shape [${permuted.join(', ')}], expected [${expected.join(', ')}]`,
      );
      await expect(tf.loadLayersModel({ load: async () => bad })).rejects.toThrow(/shape/i);
    });
  }
});
