import { confusionMatrix, precisionRecallF1 } from '@neunet/metrics';
import { getBackend, initWasmBackend } from '@neunet/tensor';
import type { Command, Report } from './protocol.js';
import type { PlaygroundSettings, Speed } from './settings.js';
import { type Measurement, Trainer } from './trainer.js';

/** At most this often the page hears about the curves, and about the network's pictures. */
const PROGRESS_MS = 50;
const SNAPSHOT_MS = 150;

let trainer: Trainer | undefined;
let settings: PlaygroundSettings | undefined;
let speed: Speed = '10';
let playing = false;
/** Counts runs and plays, so that a stale loop notices it was superseded. */
let generation = 0;
let pending: Measurement[] = [];
let lastProgress = 0;
let lastSnapshot = 0;
let trainingMs = 0;

const post = (report: Report, transfer: Transferable[] = []) =>
  self.postMessage(report, { transfer });

/**
 * The WebAssembly SIMD backend, once per worker; with cross-origin isolation its matrix
 * products also use threads. Where WebAssembly is unavailable the plain backend stays.
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
  handle(event.data).catch((error: unknown) => {
    playing = false;
    generation++;
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
};

/** Settles when the last run has started; later commands wait for it, in order. */
let started: Promise<void> = Promise.resolve();

async function handle(command: Command): Promise<void> {
  if (command.type === 'start') {
    started = start(command.settings);
    return started;
  }
  await started;
  switch (command.type) {
    case 'play':
      if (!trainer || playing) return;
      playing = true;
      await play(++generation);
      break;
    case 'pause':
      // A run that ended as Pause was pressed has already said so.
      if (!trainer) return;
      playing = false;
      generation++;
      flush(true);
      post({ type: 'paused' });
      break;
    case 'step':
      if (!trainer || playing) return;
      timed(() => trainer!.step());
      pending.push(trainer.measure());
      flush(true);
      if (finished()) done();
      break;
    case 'stop':
      playing = false;
      generation++;
      if (trainer) done();
      break;
    case 'speed':
      speed = command.speed;
      break;
  }
}

async function start(next: PlaygroundSettings): Promise<void> {
  generation++;
  playing = false;
  settings = next;
  speed = next.speed;
  const name = await backendName();
  trainer = new Trainer(next);
  trainingMs = 0;
  pending = [trainer.measure()];
  post({ type: 'ready', backend: name, batchesPerEpoch: trainer.batchesPerEpoch });
  flush(true);
}

function timed(work: () => void): void {
  const start = performance.now();
  work();
  trainingMs += performance.now() - start;
}

function finished(): boolean {
  return !settings!.forever && trainer!.epoch >= settings!.epochs;
}

/**
 * Trains epoch by epoch at the chosen speed, giving the event loop a turn after each so
 * that Pause, Stop and a new speed arrive. Speed only spaces the epochs out in time: the
 * run itself is the same at any speed.
 */
async function play(run: number): Promise<void> {
  while (run === generation && !finished()) {
    const started = performance.now();
    timed(() => trainer!.trainEpoch());
    pending.push(trainer!.measure());
    flush(false);
    const wait = speed === 'max' ? 0 : 1000 / Number(speed) - (performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  }
  if (run === generation) {
    playing = false;
    flush(true);
    done();
  }
}

/** Sends the pending measurements and, less often, a snapshot; `now` sends both at once. */
function flush(now: boolean): void {
  const time = performance.now();
  if (pending.length > 0 && (now || time - lastProgress >= PROGRESS_MS)) {
    post({ type: 'progress', measurements: pending });
    pending = [];
    lastProgress = time;
  }
  if (now || time - lastSnapshot >= SNAPSHOT_MS) {
    const snapshot = trainer!.snapshot();
    post({ type: 'snapshot', ...snapshot }, [
      snapshot.output.buffer,
      ...snapshot.units.map((u) => u.buffer),
    ]);
    lastSnapshot = time;
  }
}

function done(): void {
  const run = trainer!;
  flush(true);
  const report: Extract<Report, { type: 'done' }> = {
    type: 'done',
    epochs: run.epoch,
    seconds: trainingMs / 1000,
  };
  if (run.data.task === 'classification') {
    const { X, y } = run.data.test;
    const predicted = run.model.predict(X);
    report.confusion = confusionMatrix(y as Int32Array, predicted);
    report.scores = precisionRecallF1(y as Int32Array, predicted);
  }
  post(report);
  trainer = undefined;
}
