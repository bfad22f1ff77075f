import { createData } from '@neunet/datasets';
import { Dense, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { NeuralNetwork } from '@neunet/model';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import { createWasmBackend, setBackend, type WasmBackend } from '@neunet/tensor';

/** A NeuNet backend the bench can select: its name in the tables and how to get it ready. */
export interface NeunetBackend {
  name: string;
  /** Makes this backend current; rejects when it cannot start here. */
  activate(): Promise<void>;
  /** What it runs with (SIMD flavour, threads), for the notes. */
  describe?(): string;
  /** Stops its threads, so that the process can exit. */
  dispose?(): Promise<void>;
}

/** The wasm backend with its own options, created once and reused by every workload. */
function wasm(name: string, threads?: number): NeunetBackend {
  let backend: WasmBackend | undefined;
  return {
    name,
    async activate() {
      backend ??= createWasmBackend(threads === undefined ? {} : { threads });
      await backend.ready();
      setBackend(backend);
    },
    describe: () =>
      backend
        ? `${backend.threads} thread${backend.threads === 1 ? '' : 's'}${backend.threads > 1 ? ` (large gemms and convolutions on the workers at the end: ${backend.threadPolicy?.prefersPool === false ? 'no, one thread was faster' : 'yes'})` : ''}, relaxed-SIMD FMA ${backend.relaxedSimd ? 'on' : 'off'}, shared memory ${backend.sharedMemory ? 'yes' : 'no'}`
        : 'not started',
    dispose: async () => backend?.dispose(),
  };
}

/**
 * Every backend NeuNet offers: the reference, the SIMD one on one thread, and the SIMD
 * one on its default threads (one per core). One that cannot start here is skipped at run
 * time, so adding one is adding a line here.
 */
const CANDIDATES: readonly NeunetBackend[] = [
  {
    name: 'js',
    activate: async () => {
      setBackend('js');
    },
  },
  wasm('wasm 1 thread', 1),
  wasm('wasm'),
];

/** The candidates that activate here, with the reason each other one was skipped. */
export async function availableBackends(): Promise<{
  backends: NeunetBackend[];
  skipped: string[];
}> {
  const backends: NeunetBackend[] = [];
  const skipped: string[] = [];
  for (const candidate of CANDIDATES) {
    try {
      await candidate.activate();
      backends.push(candidate);
    } catch (error) {
      skipped.push(`NeuNet ${candidate.name}: ${(error as Error).message}`);
    }
  }
  return { backends, skipped };
}

export const SEED_DATA = { samples: 100, classes: 3, seed: 0 } as const;

/** The seed document's "Complete Framework Example", layer for layer (as apps/demo runs it). */
export function seedModel(seed: number): NeuralNetwork {
  const model = new NeuralNetwork({ seed });
  for (const [nIn, nOut] of [
    [2, 128],
    [128, 64],
    [64, 32],
  ] as const) {
    model.add(new Dense(nIn, nOut, { learningRate: 0.002, optimizer: 'adam' }));
    model.add(new BatchNormalization());
    model.add(new ReLU());
    model.add(new Dropout(0.1));
  }
  model.add(new Dense(32, 3, { learningRate: 0.002, optimizer: 'adam' }));
  model.add(new Softmax());
  model.setLoss(new CategoricalCrossentropy({ l2: 0.0001 }));
  return model;
}

export function seedData() {
  return createData(SEED_DATA);
}

/** W2's network: Dense layers of `sizes` with ReLU between, softmax cross-entropy, Adam. */
export function mlpModel(sizes: readonly number[], seed: number, learningRate = 1e-3) {
  const model = new NeuralNetwork({ seed, optimizer: 'adam', learningRate });
  for (let i = 0; i + 1 < sizes.length; i++) {
    model.add(new Dense(sizes[i]!, sizes[i + 1]!));
    model.add(i + 2 < sizes.length ? new ReLU() : new Softmax());
  }
  model.setLoss(new CategoricalCrossentropy());
  return model;
}

/**
 * The W2 network's weights, for copying to the other implementations: what each layer
 * declares as its params, in order (a Dense's weights, then its bias; ReLU and Softmax
 * have none), whatever the layers' classes.
 */
export function networkWeights(model: NeuralNetwork): Float32Array[] {
  return model.layers.flatMap((layer) => layer.params().map((param) => param.value.data));
}
