// Issue 12's accuracy parity: the LeNet of W6 trained on all of MNIST (60,000 training
// digits, batch 64, Adam 0.001, shuffled every epoch, seeded) by NeuNet's wasm backend and
// by PyTorch, with the test accuracy (10,000 digits) after each epoch side by side.
//
// Run: pnpm --filter bench lenet-accuracy [--epochs 3] [--seed 1] [--no-torch] [--torch-init neunet]
// Takes a few minutes; PyTorch (one thread) runs after NeuNet, on the same digits, handed over in a
// temporary file, and is skipped with a note when /usr/bin/python3 cannot import torch.
// PyTorch starts from its own default initialisation, or with `--torch-init neunet` from
// NeuNet's initial weights (so that only the shuffling and rounding differ).

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadMnist } from '@neunet/mnist';
import type { NeuralNetwork } from '@neunet/model';
import { createWasmBackend, setBackend } from '@neunet/tensor';
import { accuracyTable, type EpochResult, parityVerdict } from './accuracy-table.js';
import { LENET, lenetModel } from './lenet.js';
import { writeDigits, writeWeights } from './mnist-file.js';
import { networkWeights } from './neunet.js';
import { PYTHON_ENV, TORCH_PYTHON, torchVersion } from './peers/torch.js';

const BATCH = 64;
const SCRIPT = fileURLToPath(new URL('./lenet_accuracy.py', import.meta.url));

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      epochs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      'no-torch': { type: 'boolean', default: false },
      'torch-init': { type: 'string', default: 'default' },
    },
    strict: true,
  });
  const int = (flag: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) {
      throw new Error(`--${flag}: expected an integer >= ${min}, got '${text}'`);
    }
    return n;
  };
  const init = values['torch-init'];
  if (init !== 'default' && init !== 'neunet') {
    throw new Error(`--torch-init: expected 'default' or 'neunet', got '${init}'`);
  }
  return {
    epochs: int('epochs', values.epochs, 1),
    seed: int('seed', values.seed, 0),
    torch: !values['no-torch'],
    sameInit: init === 'neunet',
  };
}

type Split = ReturnType<typeof loadMnist>;

function neunet(model: NeuralNetwork, train: Split, test: Split, epochs: number) {
  const results: EpochResult[] = [];
  let started = performance.now();
  model.train(train.X, train.y, {
    epochs,
    batchSize: BATCH,
    shuffle: true,
    validationData: [test.X, test.y],
    callbacks: [
      {
        onEpochBegin: () => {
          started = performance.now();
        },
        onEpochEnd: (epoch, logs) => {
          // The epoch's time includes measuring the 10,000 test digits, as PyTorch's does not:
          // a second or so, against a minute of training.
          const seconds = (performance.now() - started) / 1000;
          results.push({ epoch: epoch + 1, accuracy: logs.val_accuracy!, seconds });
          console.log(line('NeuNet', results.at(-1)!, train.y.length));
        },
      },
    ],
  });
  return results;
}

function line(who: string, r: EpochResult, samples: number): string {
  return `  ${who} epoch ${r.epoch}: test accuracy ${(r.accuracy * 100).toFixed(2)}%, ${r.seconds.toFixed(1)} s (${Math.round(samples / r.seconds).toLocaleString('en-US')} samples/s)`;
}

/** PyTorch in a /usr/bin/python3 child, printing each epoch as it finishes. */
async function pytorch(
  train: Split,
  test: Split,
  epochs: number,
  seed: number,
  version: string,
  initial: Float32Array[] | undefined,
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'neunet-lenet-'));
  try {
    const files = {
      train: path.join(dir, 'train.bin'),
      test: path.join(dir, 'test.bin'),
      init: initial ? path.join(dir, 'init.bin') : null,
    };
    writeDigits(files.train, train.X.data, train.y);
    writeDigits(files.test, test.X.data, test.y);
    if (files.init && initial) writeWeights(files.init, initial);
    // One thread: two collapse whenever the other core is busy (see W6), and the
    // accuracy does not depend on it.
    const threads = 1;
    console.log(
      `PyTorch ${version}, 1 thread, ${initial ? "NeuNet's initial weights" : 'its default initialisation'}:`,
    );
    const child = spawn(TORCH_PYTHON, [SCRIPT], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: PYTHON_ENV,
    });
    child.stdin.end(
      JSON.stringify({
        ...files,
        trainSamples: train.y.length,
        testSamples: test.y.length,
        epochs,
        seed,
        threads,
        batch: BATCH,
        learningRate: LENET.learningRate,
      }),
    );
    const results: EpochResult[] = [];
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    for await (const text of createInterface({ input: child.stdout })) {
      results.push(JSON.parse(text) as EpochResult);
      console.log(line('PyTorch', results.at(-1)!, train.y.length));
    }
    const code = await exited;
    if (code !== 0) throw new Error(`${SCRIPT} exited with ${code}`);
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const opts = (() => {
  try {
    return options();
  } catch (error) {
    // A bad flag is the user's typo, not a bug: one line, no stack trace.
    console.error(`lenet-accuracy: ${(error as Error).message}`);
    process.exit(2);
  }
})();
const train = loadMnist({ split: 'train' });
const test = loadMnist({ split: 'test' });
const backend = createWasmBackend();
await backend.ready();
setBackend(backend);
console.log(
  `LeNet (Conv 8@5x5 ReLU, MaxPool 2, Conv 16@5x5 ReLU, MaxPool 2, Dense 10, Softmax) on MNIST: ${train.y.length} training digits, ${test.y.length} test digits, batch ${BATCH}, Adam ${LENET.learningRate}, ${opts.epochs} epochs, seed ${opts.seed}.`,
);
// Built on the wasm backend, so that its weights live in wasm memory.
const model = lenetModel(opts.seed);
const initial = opts.sameInit ? networkWeights(model).map((w) => w.slice()) : undefined;
console.log(`NeuNet, wasm backend (${backend.threads} threads):`);
const ours = neunet(model, train, test, opts.epochs);
await backend.dispose();
let theirs: EpochResult[] | undefined;
const version = opts.torch ? torchVersion() : undefined;
if (!opts.torch) console.log('PyTorch: skipped (--no-torch).');
else if (version === undefined)
  console.log(`PyTorch: skipped, ${TORCH_PYTHON} cannot import torch.`);
else theirs = await pytorch(train, test, opts.epochs, opts.seed, version, initial);

console.log(`\n${accuracyTable(ours, theirs)}\n`);
const verdict = parityVerdict(ours, theirs);
console.log(verdict.text);
process.exitCode = verdict.met ? 0 : 1;
