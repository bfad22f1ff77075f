// The page every browser test loads (bundled by esbuild into one script): it trains the
// same small model on the js backend and on the wasm backend that `initWasmBackend`
// gives this page, exports it to ONNX, and hands the numbers back to the test.
import { exportOnnx } from '@neunet/export';
import { Dense, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { calculateAccuracy } from '@neunet/metrics';
import { NeuralNetwork } from '@neunet/model';
import { Dropout } from '@neunet/regularization';
import { getBackend, initWasmBackend, Rng, setBackend, Tensor } from '@neunet/tensor';

export interface Trained {
  backend: string;
  loss: number[];
  probabilities: number[];
  accuracy: number;
  onnxBytes: number;
  onnxError: string;
}

export interface PageResult {
  /** The backend getBackend() gave before initWasmBackend. */
  defaultBackend: string;
  wasm: { threads: number; sharedMemory: boolean; relaxedSimd: boolean };
  js: Trained;
  trained: Trained;
}

const SAMPLES = 256;
const FEATURES = 16;
const CLASSES = 3;
/** Wide enough that a batch's gemms (128·256·256 multiply-adds) are split over threads. */
const HIDDEN = 256;

/** Three seeded Gaussian blobs in FEATURES dimensions. */
function blobs(): { X: Tensor; y: Int32Array } {
  const rng = new Rng(3);
  const X = Tensor.zeros([SAMPLES, FEATURES]);
  const y = new Int32Array(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) {
    const label = i % CLASSES;
    y[i] = label;
    for (let f = 0; f < FEATURES; f++) {
      X.data[i * FEATURES + f] = rng.normal() + (f % CLASSES === label ? 1.5 : 0);
    }
  }
  return { X, y };
}

function train(): Trained {
  const { X, y } = blobs();
  const model = new NeuralNetwork({ seed: 42 })
    .add(new Dense(FEATURES, HIDDEN))
    .add(new ReLU())
    .add(new Dropout(0.1))
    .add(new Dense(HIDDEN, HIDDEN))
    .add(new ReLU())
    .add(new Dense(HIDDEN, CLASSES))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());
  const history = model.train(X, y, { epochs: 4, batchSize: 128 });
  const probabilities = model.predictProba(X);
  let onnxBytes = 0;
  let onnxError = '';
  try {
    onnxBytes = exportOnnx(model).length;
  } catch (error) {
    onnxError = String(error);
  }
  return {
    backend: getBackend().name,
    loss: history.loss,
    probabilities: Array.from(probabilities.data),
    accuracy: calculateAccuracy(y, probabilities),
    onnxBytes,
    onnxError,
  };
}

async function run(threads?: number): Promise<PageResult> {
  const defaultBackend = getBackend().name;
  setBackend('js');
  const js = train();
  const wasm = await initWasmBackend(threads === undefined ? {} : { threads });
  const trained = train();
  await wasm.dispose();
  return {
    defaultBackend,
    wasm: { threads: wasm.threads, sharedMemory: wasm.sharedMemory, relaxedSimd: wasm.relaxedSimd },
    js,
    trained,
  };
}

/** Whether this page may eval a string: false where the strict policy is in force. */
function evalAllowed(): boolean {
  try {
    return new Function('return true')() as boolean;
  } catch {
    return false;
  }
}

// Runs at load as the page's own script. Not started from the test's page.evaluate:
// DevTools evaluation is exempt from the page's Content-Security-Policy, and so is
// everything it calls synchronously. The eval probe comes last, after training.
const threads = new URLSearchParams(location.search).get('threads');
const output = globalThis as {
  neunet?: { result?: PageResult; allowed?: boolean; error?: string };
};
run(threads === null ? undefined : Number(threads)).then(
  (result) => {
    output.neunet = { result, allowed: evalAllowed() };
  },
  (error: unknown) => {
    output.neunet = { error: String(error) };
  },
);
