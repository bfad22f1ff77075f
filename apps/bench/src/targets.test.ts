import { describe, expect, it } from 'vitest';
import type { Row } from './row.js';
import { summarize } from './stats.js';
import { checkTargets } from './targets.js';

const row = (workload: string, impl: string, value: number, c = 'case'): Row => ({
  workload,
  case: c,
  impl,
  unit: 'u',
  higherIsBetter: true,
  stats: summarize([value]),
});

describe('checkTargets', () => {
  it('compares the fastest NeuNet backend with the fastest peer the target names', () => {
    const checks = checkTargets([
      row('W2', 'NeuNet js', 1000),
      row('W2', 'NeuNet wasm', 40000),
      row('W2', 'numpy', 20000),
      row('W2', 'numpy 1 thread', 50000),
      row('W1', 'NeuNet wasm', 300),
      row('W1', 'tfjs wasm', 20),
    ]);
    expect(checks).toEqual([
      {
        target: 'W2 training: at least 0.7× numpy (OpenBLAS, the faster of 1 and 2 threads)',
        measured: '0.80× (NeuNet wasm 40,000 vs 50,000 u)',
        met: true,
      },
      {
        target: 'W1 seed example: at least 10× tfjs wasm',
        measured: '15× (NeuNet wasm 300 vs 20.0 u)',
        met: true,
      },
    ]);
  });

  it('checks every gemm case on one core and the two-thread gain, worst case first', () => {
    const checks = checkTargets([
      row('W3', 'NeuNet wasm 1 thread', 50, 'a'),
      row('W3', 'NeuNet wasm 1 thread', 40, 'b'),
      row('W3', 'NeuNet wasm', 95, 'a'),
      row('W3', 'NeuNet wasm', 80, 'b'),
    ]);
    expect(checks).toEqual([
      {
        target: 'W3 gemm, one core: at least 70% of the 58 GFLOP/s SIMD128 peak in every case',
        measured: 'worst case 40.0 GFLOP/s (69%)',
        met: false,
      },
      {
        target: 'W3 gemm, two threads: at least 1.8× one core in every case',
        measured: 'worst case 1.9×',
        met: true,
      },
    ]);
  });

  it("checks W6's training against the faster PyTorch row and inference against tfjs wasm, case by case", () => {
    const train = 'train LeNet 28x28x1, Adam, batch 64';
    const infer = 'predict LeNet, batch 256';
    const checks = checkTargets([
      row('W6', 'NeuNet wasm 1 thread', 6000, train),
      row('W6', 'NeuNet wasm', 5000, train),
      row('W6', 'PyTorch 1 thread', 8000, train),
      row('W6', 'PyTorch 2 threads', 7000, train),
      // Inference figures are larger: they must not count toward the training target.
      row('W6', 'NeuNet wasm', 12000, infer),
      row('W6', 'tfjs wasm', 3000, infer),
      row('W6', 'tfjs cpu', 9000, train),
    ]);
    expect(checks).toEqual([
      {
        target: 'W6 LeNet training: at least 1.0× PyTorch (the faster of 1 and 2 threads)',
        measured: '0.75× (NeuNet wasm 1 thread 6,000 vs 8,000 u)',
        met: false,
      },
      {
        target: 'W6 LeNet inference: at least 1.0× tfjs wasm',
        measured: '4.0× (NeuNet wasm 12,000 vs 3,000 u)',
        met: true,
      },
    ]);
  });

  it('leaves out a target whose figures the run did not measure', () => {
    expect(checkTargets([row('W2', 'NeuNet js', 1000)])).toEqual([]);
  });
});
