import { formatNumber, formatRatio } from './format.js';
import { isNeunet, type Row } from './row.js';
import { TORCH_THREADS, torchImpl, W6_INFER, W6_TRAIN } from './workloads/w6-cases.js';

/** One of issue 5's or issue 12's targets, checked against the figures of one run. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** The 128-bit SIMD peak of one core that BENCHMARKS.md gives (3.66 GHz, FMA): GFLOP/s. */
export const SIMD128_PEAK = 58;
const ONE_THREAD = 'NeuNet wasm 1 thread';
const THREADED = 'NeuNet wasm';

function median(rows: readonly Row[], workload: string, impl: string, caseName?: string) {
  return rows.find(
    (r) =>
      r.workload === workload && r.impl === impl && (caseName === undefined || r.case === caseName),
  )?.stats.median;
}

/** The fastest NeuNet backend on a workload (on one of its cases when given). */
export function bestNeunet(rows: readonly Row[], workload: string, caseName?: string) {
  let best: Row | undefined;
  for (const r of rows) {
    if (r.workload !== workload || !isNeunet(r.impl)) continue;
    if (caseName !== undefined && r.case !== caseName) continue;
    if (!best || r.stats.median > best.stats.median) best = r;
  }
  return best;
}

/** Compares the fastest NeuNet backend with the fastest of `peers` (the first present). */
function ratioTarget(
  rows: readonly Row[],
  workload: string,
  peers: readonly string[],
  bar: number,
  target: string,
  caseName?: string,
): TargetCheck | undefined {
  const ours = bestNeunet(rows, workload, caseName);
  const figures = peers
    .map((p) => median(rows, workload, p, caseName))
    .filter((v): v is number => v !== undefined);
  if (!ours || figures.length === 0) return undefined;
  const theirs = Math.max(...figures);
  const ratio = ours.stats.median / theirs;
  return {
    target,
    measured: `${formatRatio(ratio)} (${ours.impl} ${formatNumber(ours.stats.median)} vs ${formatNumber(theirs)} ${ours.unit})`,
    met: ratio >= bar,
  };
}

/** W6's targets (issue 12), each present when the run measured its figures. */
export function w6Targets(rows: readonly Row[]): { train?: TargetCheck; infer?: TargetCheck } {
  const train = ratioTarget(
    rows,
    'W6',
    TORCH_THREADS.map(torchImpl),
    1,
    'W6 LeNet training: at least 1.0× PyTorch (the faster of 1 and 2 threads)',
    W6_TRAIN,
  );
  const infer = ratioTarget(
    rows,
    'W6',
    ['tfjs wasm'],
    1,
    'W6 LeNet inference: at least 1.0× tfjs wasm',
    W6_INFER,
  );
  return { ...(train ? { train } : {}), ...(infer ? { infer } : {}) };
}

/**
 * The targets that the run measured: issue 5's (W2 against numpy, W1 against tfjs-wasm
 * and the seed's numpy design, W3's single-core and two-thread gemm) and issue 12's (W6
 * against PyTorch and tfjs-wasm). A target whose figures are missing (a workload not run,
 * numpy or torch absent) is left out.
 */
export function checkTargets(rows: readonly Row[]): TargetCheck[] {
  const checks: (TargetCheck | undefined)[] = [
    // Two OpenBLAS threads collapse when the other core is busy: the bar is numpy at its
    // best in this run, on one thread or two.
    ratioTarget(
      rows,
      'W2',
      ['numpy', 'numpy 1 thread'],
      0.7,
      'W2 training: at least 0.7× numpy (OpenBLAS, the faster of 1 and 2 threads)',
    ),
    ratioTarget(rows, 'W1', ['tfjs wasm'], 10, 'W1 seed example: at least 10× tfjs wasm'),
    ratioTarget(
      rows,
      'W1',
      ['numpy (seed design)'],
      1,
      "W1 seed example: faster than the seed's numpy design",
    ),
  ];
  const gemms = [...new Set(rows.filter((r) => r.workload === 'W3').map((r) => r.case))];
  const single = gemms.map((c) => median(rows, 'W3', ONE_THREAD, c));
  if (gemms.length > 0 && single.every((v) => v !== undefined)) {
    const worst = Math.min(...(single as number[]));
    checks.push({
      target: `W3 gemm, one core: at least 70% of the ${SIMD128_PEAK} GFLOP/s SIMD128 peak in every case`,
      measured: `worst case ${formatNumber(worst)} GFLOP/s (${Math.round((worst / SIMD128_PEAK) * 100)}%)`,
      met: worst >= 0.7 * SIMD128_PEAK,
    });
    const threaded = gemms.map((c) => median(rows, 'W3', THREADED, c));
    if (threaded.every((v) => v !== undefined)) {
      const worstGain = Math.min(...threaded.map((t, i) => t! / single[i]!));
      checks.push({
        target: 'W3 gemm, two threads: at least 1.8× one core in every case',
        measured: `worst case ${formatRatio(worstGain)}`,
        met: worstGain >= 1.8,
      });
    }
  }
  const w6 = w6Targets(rows);
  checks.push(w6.train, w6.infer);
  return checks.filter((c): c is TargetCheck => c !== undefined);
}
