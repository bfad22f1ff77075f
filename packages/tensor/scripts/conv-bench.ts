// Samples/s of the convolution and pooling kernels on the LeNet shapes of issue 12's W6:
// 28×28×1 → conv 8@5×5 ReLU → max pool 2 → conv 16@5×5 ReLU → max pool 2, one forward
// and backward pass (both kernel gradients, the second convolution's input gradient; the
// first layer needs none), batch 64. Only these ops: no Dense, loss or optimizer.
// js, wasm on 1 thread and on every core, then PyTorch on 1 and 2 threads for the same
// ops when `/usr/bin/python3 -c 'import torch'` works.
//
// Run: npx tsx scripts/conv-bench.ts [--runs 7] [--batch 64] [--seconds 0.5] [--no-js]
// (Node 20 runs the relaxed-SIMD kernels, with fused multiply-add, only when started as
// `node --experimental-wasm-relaxed-simd --import tsx scripts/conv-bench.ts`.)
// Prints the median of `runs` runs of about `seconds` each, with the spread (min–max),
// and for wasm the median time per op.

import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { Backend } from '../src/index.js';
import {
  conv2dGeometry,
  createWasmBackend,
  JsBackend,
  pool2dGeometry,
  Rng,
  Tensor,
} from '../src/index.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const runs = option('runs', 7);
const batch = option('batch', 64);
const seconds = option('seconds', 0.5);

const c1 = conv2dGeometry({ inputShape: [28, 28, 1], kernelSize: 5, filters: 8 });
const p1 = pool2dGeometry({ inputShape: [24, 24, 8], poolSize: 2 });
const c2 = conv2dGeometry({ inputShape: [12, 12, 8], kernelSize: 5, filters: 16 });
const p2 = pool2dGeometry({ inputShape: [8, 8, 16], poolSize: 2 });

/** The forward and backward ops of one step, each a closure over buffers made once. */
function lenet(b: Backend): [string, () => void][] {
  const rng = new Rng(1);
  const t = (shape: number[], scale = 0) => {
    const x = new Tensor(b.allocate(shape.reduce((p, d) => p * d, 1)), shape);
    for (let i = 0; i < x.size; i++) x.data[i] = scale * rng.normal();
    return x;
  };
  const x = t([batch, 28, 28, 1], 1);
  const [k1, b1, dk1, db1] = [t([5, 5, 1, 8], 0.2), t([8]), t([5, 5, 1, 8]), t([8])];
  const [k2, b2, dk2, db2] = [t([5, 5, 8, 16], 0.07), t([16]), t([5, 5, 8, 16]), t([16])];
  const [y1, z1] = [t([batch, 24, 24, 8]), t([batch, 12, 12, 8])];
  const [y2, z2] = [t([batch, 8, 8, 16]), t([batch, 4, 4, 16])];
  const dz2 = t([batch, 4, 4, 16], 1);
  const [dy2, dz1, dy1] = [t([batch, 8, 8, 16]), t([batch, 12, 12, 8]), t([batch, 24, 24, 8])];
  return [
    ['conv1', () => b.conv2d(x, k1, b1, c1, y1, 'relu')],
    ['pool1', () => b.maxPool2d(y1, p1, z1)],
    ['conv2', () => b.conv2d(z1, k2, b2, c2, y2, 'relu')],
    ['pool2', () => b.maxPool2d(y2, p2, z2)],
    ['pool2 back', () => b.maxPool2dBackward(y2, dz2, p2, dy2)],
    ['relu2 back', () => b.activationBackward('relu', y2, dy2, dy2)],
    ['conv2 dKernel', () => b.conv2dBackwardKernel(z1, dy2, c2, dk2, db2)],
    ['conv2 dInput', () => b.conv2dBackwardInput(dy2, k2, c2, dz1)],
    ['pool1 back', () => b.maxPool2dBackward(y1, dz1, p1, dy1)],
    ['relu1 back', () => b.activationBackward('relu', y1, dy1, dy1)],
    ['conv1 dKernel', () => b.conv2dBackwardKernel(x, dy1, c1, dk1, db1)],
  ];
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const spread = (v: number[], digits = 0) =>
  `${Math.min(...v).toFixed(digits)}–${Math.max(...v).toFixed(digits)}`;

/** Median samples/s and ms per op over `runs` runs. */
function measure(b: Backend, runsHere: number) {
  const ops = lenet(b);
  for (const [, op] of ops) op(); // warm: scratch buffers, compiled code, workers
  const t0 = performance.now();
  for (const [, op] of ops) op();
  const once = Math.max(1e-3, (performance.now() - t0) / 1000);
  const steps = Math.max(1, Math.round(seconds / once));
  const rates: number[] = [];
  const perOp = ops.map(() => [] as number[]);
  for (let r = 0; r < runsHere; r++) {
    const spent = ops.map(() => 0);
    const start = performance.now();
    for (let s = 0; s < steps; s++) {
      for (let i = 0; i < ops.length; i++) {
        const t = performance.now();
        ops[i]![1]();
        spent[i]! += performance.now() - t;
      }
    }
    rates.push((steps * batch) / ((performance.now() - start) / 1000));
    for (let i = 0; i < ops.length; i++) perOp[i]!.push(spent[i]! / steps);
  }
  return { rates, ops: ops.map(([name], i) => [name, median(perOp[i]!)] as const) };
}

function torch(threads: number): number[] | string {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return 'skipped: /usr/bin/python3 cannot import torch';
  const script = `
import sys, time, json, torch
import torch.nn.functional as F
threads, runs, batch, seconds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
torch.set_num_threads(threads)
torch.manual_seed(1)
x = torch.randn(batch, 1, 28, 28)
w1 = (0.2 * torch.randn(8, 1, 5, 5)).requires_grad_()
b1 = torch.zeros(8, requires_grad=True)
w2 = (0.07 * torch.randn(16, 8, 5, 5)).requires_grad_()
b2 = torch.zeros(16, requires_grad=True)
r = torch.randn(batch, 16, 4, 4)
def step():
    z = F.max_pool2d(F.relu(F.conv2d(x, w1, b1)), 2)
    z = F.max_pool2d(F.relu(F.conv2d(z, w2, b2)), 2)
    z.backward(r)
    for p in (w1, b1, w2, b2): p.grad = None
for _ in range(3): step()
t0 = time.perf_counter(); step(); once = max(1e-4, time.perf_counter() - t0)
steps = max(1, round(seconds / once))
rates = []
for _ in range(runs):
    t0 = time.perf_counter()
    for _ in range(steps): step()
    rates.append(steps * batch / (time.perf_counter() - t0))
print(json.dumps(rates))
`;
  const run = spawnSync(
    '/usr/bin/python3',
    ['-c', script, String(threads), String(runs), String(batch), String(seconds)],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) return `failed: ${run.stderr.trim().split('\n').pop()}`;
  return JSON.parse(run.stdout) as number[];
}

const cores = availableParallelism();
const one = createWasmBackend({ threads: 1 });
const all = createWasmBackend({ threads: cores });
await all.ready();
const backends: [string, Backend, number][] = [
  ['wasm, 1 thread', one, runs],
  [`wasm, ${cores} threads`, all, runs],
];
if (!args.includes('--no-js')) backends.unshift(['js', new JsBackend(), Math.min(runs, 3)]);

console.log(
  `LeNet conv + pool forward and backward, batch ${batch}, Node ${process.version}, ` +
    `${one.relaxedSimd ? 'relaxed SIMD' : 'SIMD128'}; median of ${runs} runs (min–max)`,
);
const results: [string, number][] = [];
for (const [name, backend, n] of backends) {
  const { rates, ops } = measure(backend, n);
  results.push([name, median(rates)]);
  console.log(
    `${name.padEnd(18)} ${median(rates).toFixed(0).padStart(7)} samples/s (${spread(rates)})`,
  );
  if (backend !== backends[0]![1] || args.includes('--no-js')) {
    console.log(`  ms per op: ${ops.map(([op, ms]) => `${op} ${ms.toFixed(3)}`).join(', ')}`);
  }
}
for (const threads of [1, 2]) {
  const rates = torch(threads);
  const name = `PyTorch, ${threads} thread${threads > 1 ? 's' : ''}`;
  if (typeof rates === 'string') {
    console.log(`${name.padEnd(18)} ${rates}`);
    continue;
  }
  const ratios = results
    .filter(([n]) => n.startsWith('wasm'))
    .map(([n, r]) => `${n} ${(r / median(rates)).toFixed(2)}×`)
    .join(', ');
  console.log(
    `${name.padEnd(18)} ${median(rates).toFixed(0).padStart(7)} samples/s (${spread(rates)}); NeuNet ${ratios}`,
  );
}
await all.dispose();
