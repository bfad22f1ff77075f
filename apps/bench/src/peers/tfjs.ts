import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { LENET } from '../lenet.js';

export { tf };

/** The TensorFlow.js backends the bench compares with, by their tfjs names. */
export const TFJS_BACKENDS = ['cpu', 'wasm'] as const;
export type TfjsBackend = (typeof TFJS_BACKENDS)[number];

let wasmPathsSet = false;

/**
 * Makes `name` tfjs's current backend. The wasm backend loads its .wasm files from the
 * installed package (they ship in its dist folder), so nothing is fetched.
 */
export async function useTfjs(name: TfjsBackend): Promise<void> {
  if (name === 'wasm' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    const wasm = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    setWasmPaths(`${path.dirname(wasm)}${path.sep}`);
    wasmPathsSet = true;
  }
  if (!(await tf.setBackend(name)) || tf.getBackend() !== name) {
    throw new Error(`tfjs: the '${name}' backend did not start`);
  }
}

/** What the wasm backend found it can use here (SIMD, threads), for the report. */
export async function tfjsWasmFeatures(): Promise<string> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return `SIMD ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off'}`;
}

/** The seed example's network in tfjs Layers, as close as tfjs allows. */
export function tfSeedModel(): tf.Sequential {
  const l2 = tf.regularizers.l2({ l2: 1e-4 });
  const model = tf.sequential();
  [128, 64, 32].forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        kernelInitializer: 'heNormal',
        kernelRegularizer: l2,
        ...(i === 0 ? { inputShape: [2] } : {}),
      }),
    );
    model.add(tf.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5 }));
    model.add(tf.layers.activation({ activation: 'relu' }));
    model.add(tf.layers.dropout({ rate: 0.1 }));
  });
  model.add(tf.layers.dense({ units: 3, activation: 'softmax', kernelRegularizer: l2 }));
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'sparseCategoricalCrossentropy' });
  return model;
}

/**
 * W2's network in tfjs: Dense layers of `sizes`, ReLU between, softmax output, Adam.
 * `weights` (kernel [in, out] then bias, layer by layer) makes it the same network as
 * NeuNet's.
 */
export function tfMlpModel(sizes: readonly number[], weights?: readonly Float32Array[]) {
  const model = tf.sequential();
  for (let i = 1; i < sizes.length; i++) {
    model.add(
      tf.layers.dense({
        units: sizes[i]!,
        activation: i + 1 < sizes.length ? 'relu' : 'softmax',
        kernelInitializer: 'heNormal',
        ...(i === 1 ? { inputShape: [sizes[0]!] } : {}),
      }),
    );
  }
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'sparseCategoricalCrossentropy' });
  if (weights) {
    model.setWeights(
      weights.map((w, j) => {
        const layer = j >> 1;
        // tfjs keeps a reference to the array it is given: copy.
        return j % 2 === 0
          ? tf.tensor2d(w.slice(), [sizes[layer]!, sizes[layer + 1]!])
          : tf.tensor1d(w.slice());
      }),
    );
  }
  return model;
}

/**
 * W6's LeNet in tfjs Layers (NHWC, kernels [kh, kw, in, out], as NeuNet's): `weights`, in
 * NeuNet's order (each layer's kernel, then its bias), make it the same network.
 */
export function tfLenetModel(weights?: readonly Float32Array[]): tf.Sequential {
  const [first, second] = LENET.filters;
  const conv = {
    kernelSize: LENET.kernelSize,
    activation: 'relu',
    kernelInitializer: 'heNormal',
  } as const;
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ filters: first, ...conv, inputShape: [...LENET.inputShape] }),
      tf.layers.maxPooling2d({ poolSize: LENET.poolSize }),
      tf.layers.conv2d({ filters: second, ...conv }),
      tf.layers.maxPooling2d({ poolSize: LENET.poolSize }),
      tf.layers.flatten(),
      tf.layers.dense({ units: LENET.classes, activation: 'softmax' }),
    ],
  });
  model.compile({
    optimizer: tf.train.adam(LENET.learningRate),
    loss: 'sparseCategoricalCrossentropy',
  });
  if (weights) {
    // tfjs keeps a reference to the array it is given: copy.
    // A weight's shape is concrete (null marks only a batch axis).
    model.setWeights(
      model.weights.map((w, i) => tf.tensor(weights[i]!.slice(), w.shape as number[])),
    );
  }
  return model;
}
