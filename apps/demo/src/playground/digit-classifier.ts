import { NeuralNetwork } from '@neunet/model';
import { getBackend, initWasmBackend, Tensor } from '@neunet/tensor';
import { MNIST_SIDE } from './prepare-digit.js';

/** The CNN scripts/train-digit-model.ts trained on MNIST; Vite serves it as an asset. */
const MODEL_URL = new URL('../../assets/digit-cnn.neunet', import.meta.url);

export interface DigitClassifier {
  /** The backend predicting, as the page shows it. */
  backend: string;
  /** The ten class probabilities of one prepared 28 × 28 image. */
  probabilities(image: Float32Array): Float32Array;
}

/**
 * Loads the shipped model, on the single-threaded WebAssembly backend: one 28 × 28 image is
 * far too little work to share with threads. It predicts on the main thread, in about
 * 0.2 ms (the page shows the median), so a worker would only add a message round trip.
 * Where WebAssembly is missing the plain backend predicts, in some 25 ms: slower, but still
 * one prediction per frame.
 */
export async function loadDigitClassifier(): Promise<DigitClassifier> {
  const [response, backend] = await Promise.all([
    fetch(MODEL_URL),
    initWasmBackend({ threads: 1 }).then(
      () => 'wasm',
      () => getBackend().name,
    ),
  ]);
  if (!response.ok)
    throw new Error(`the digit model did not load: ${response.status} ${MODEL_URL}`);
  const model = NeuralNetwork.fromBytes(new Uint8Array(await response.arrayBuffer()));
  return {
    backend,
    probabilities: (image) =>
      model.predictProba(new Tensor(image, [1, MNIST_SIDE, MNIST_SIDE, 1])).data,
  };
}
