import { createRequire } from 'node:module';
import type * as Brain from 'brain.js';
import type { MlpData } from '../data.js';

// brain.js 1.x is CommonJS with a Babel default-export shim: require it.
const brain = createRequire(import.meta.url)('brain.js') as typeof Brain;

/**
 * W2's layer sizes in brain.js 1.x. brain.js has no softmax or cross-entropy: its output
 * layer takes the same activation as the hidden ones and it minimises the squared error,
 * updating after every sample, with Adam or (`adam` false) its default SGD with momentum.
 * `train(start, count)` trains on `count` samples.
 */
export function brainMlp(data: MlpData, hidden: readonly number[], adam: boolean) {
  const net = new brain.NeuralNetwork({ hiddenLayers: [...hidden], activation: 'relu' });
  const width = data.X.cols;
  const sample = (i: number): Brain.INeuralNetworkTrainingData => {
    const output = new Array<number>(data.classes).fill(0);
    output[data.y[i]!] = 1;
    return { input: Array.from(data.X.data.subarray(i * width, (i + 1) * width)), output };
  };
  const samples = Array.from({ length: data.X.rows }, (_, i) => sample(i));
  return (start: number, count: number) => {
    net.train(samples.slice(start, start + count), {
      iterations: 1,
      // brain.js stops once the error is below this; it must be in (0, 1).
      errorThresh: 1e-12,
      learningRate: 1e-3,
      ...(adam ? { praxis: 'adam' as const } : {}),
    });
  };
}
