import { calculateAccuracy, confusionMatrix, precisionRecallF1 } from '@neunet/metrics';
import { exportNetwork } from '@neunet/model';
import { getBackend, initWasmBackend, Tensor } from '@neunet/tensor';
import { boundaryGrid } from '@neunet/viz';
import { DATASETS } from '../datasets.js';
import type { Command, Report } from './protocol.js';
import { buildModel, type PlaygroundSettings } from './settings.js';

/** How often the page hears about the curves and, less often, the decision boundary. */
const PROGRESS_MS = 100;
const BOUNDARY_MS = 400;
/** The data stay the same across runs, so that settings can be compared; the form's seed seeds the model. */
const DATA_SEED = 0;

let paused = false;
let stopped = false;
let wake: (() => void) | undefined;

const post = (report: Report) => self.postMessage(report);

/**
 * The WebAssembly SIMD backend, once per worker; with cross-origin isolation (the dev
 * server and the preview send COOP/COEP) its matrix products also use threads. Where
 * WebAssembly is unavailable the plain backend stays.
 */
let backend: Promise<string> | undefined;
function backendName(): Promise<string> {
  backend ??= initWasmBackend().then(
    (wasm) => `wasm (${wasm.threads} thread${wasm.threads === 1 ? '' : 's'})`,
    () => getBackend().name,
  );
  return backend;
}

self.onmessage = (event: MessageEvent<Command>) => {
  const command = event.data;
  if (command.type === 'start') {
    run(command.settings).catch((error: unknown) =>
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (command.type === 'pause') {
    paused = true;
  } else {
    paused = false;
    stopped ||= command.type === 'stop';
    wake?.();
  }
};

/**
 * Trains epoch by epoch, giving the event loop a turn between epochs so that Pause and
 * Stop arrive while training runs.
 */
async function run(settings: PlaygroundSettings): Promise<void> {
  const { X, y } = DATASETS[settings.dataset].create(DATA_SEED);
  const classes = DATASETS[settings.dataset].classes;
  const points = X.toArray();
  post({ type: 'data', points, labels: Array.from(y), classes, backend: await backendName() });
  const model = buildModel(settings, X.cols, classes);
  // A coarse grid while training keeps the updates cheap; the final boundary is finer.
  const sendBoundary = (resolution: number) => {
    const grid = boundaryGrid(points, { resolution });
    const proba = model.predictProba(new Tensor(grid.points)).toArray();
    post({ type: 'boundary', grid: { x: grid.x, y: grid.y, proba } });
  };

  const started = performance.now();
  let loss: number[] = [];
  let accuracy: number[] = [];
  let lastProgress = 0;
  let lastBoundary = 0;
  let epoch = 0;
  while (epoch < settings.epochs && !stopped) {
    const history = model.train(X, y, { epochs: 1, batchSize: settings.batchSize });
    epoch++;
    loss.push(history.loss[0]!);
    accuracy.push(history.accuracy[0]!);
    const now = performance.now();
    if (now - lastProgress >= PROGRESS_MS || epoch === settings.epochs) {
      post({ type: 'progress', epoch, loss, accuracy });
      loss = [];
      accuracy = [];
      lastProgress = now;
    }
    if (now - lastBoundary >= BOUNDARY_MS) {
      sendBoundary(60);
      lastBoundary = now;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (paused && !stopped) await new Promise<void>((resolve) => (wake = resolve));
  }
  if (loss.length > 0) post({ type: 'progress', epoch, loss, accuracy });
  sendBoundary(120);
  const predicted = model.predict(X);
  const evaluation = model.evaluate(X, y);
  post({
    type: 'done',
    epochs: epoch,
    accuracy: calculateAccuracy(y, predicted),
    loss: evaluation.loss,
    network: exportNetwork(model),
    confusion: confusionMatrix(y, predicted),
    scores: precisionRecallF1(y, predicted),
    seconds: (performance.now() - started) / 1000,
  });
}
