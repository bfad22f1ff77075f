// GFLOP/s of the backends' gemm for W3's shapes in every transpose form.
// Run: npx tsx scripts/gemm-bench.ts [--rounds 5] [--js]
// Prints the best of several rounds per figure: the machines are shared and noisy.

import type { Backend } from '../src/index.js';
import { createWasmBackend, JsBackend, Rng, Tensor } from '../src/index.js';

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] ?? 5) || 5;
const withJs = args.includes('--js');
const rng = new Rng(1);

function random(backend: Backend, rows: number, cols: number): Tensor {
  const t = new Tensor(backend.allocate(rows * cols), [rows, cols]);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal();
  return t;
}

function gflops(backend: Backend, m: number, k: number, n: number, tA: boolean, tB: boolean) {
  const a = tA ? random(backend, k, m) : random(backend, m, k);
  const b = tB ? random(backend, n, k) : random(backend, k, n);
  const c = new Tensor(backend.allocate(m * n), [m, n]);
  const flop = 2 * m * n * k;
  const reps = Math.max(3, Math.round(2e9 / flop / (backend.name === 'js' ? 10 : 1)));
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) backend.matmul(a, b, c, tA, tB);
    const s = (performance.now() - t0) / 1000;
    best = Math.max(best, (flop * reps) / s / 1e9);
  }
  return best;
}

const shapes: [number, number, number][] = [
  [512, 512, 512],
  [128, 784, 256],
  [128, 256, 128],
];
const forms: [string, boolean, boolean][] = [
  ['A·B', false, false],
  ['Aᵀ·B', true, false],
  ['A·Bᵀ', false, true],
];

const one = createWasmBackend({ threads: 1 });
const two = createWasmBackend({ threads: 2 });
await two.ready();
const backends: [string, Backend][] = [
  [`wasm 1 thread${one.relaxedSimd ? ' (relaxed FMA)' : ''}`, one],
  [`wasm 2 threads${two.relaxedSimd ? ' (relaxed FMA)' : ''}`, two],
];
if (withJs) backends.unshift(['js', new JsBackend()]);

console.log(`GFLOP/s, best of ${rounds} rounds, Node ${process.version}`);
console.log(['shape', 'form', ...backends.map(([name]) => name)].join(' | '));
for (const [m, k, n] of shapes) {
  for (const [form, tA, tB] of forms) {
    const row = backends.map(([, b]) => gflops(b, m, k, n, tA, tB).toFixed(1));
    console.log([`${m}x${k}·${k}x${n}`, form, ...row].join(' | '));
  }
}
await two.dispose();
