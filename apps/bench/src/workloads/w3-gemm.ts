import { getBackend, Rng, Tensor } from '@neunet/tensor';
import type { BenchContext } from '../context.js';
import { randomMatrix } from '../data.js';
import { measure } from '../measure.js';
import { runNumpy } from '../peers/numpy.js';
import { tf, useTfjs } from '../peers/tfjs.js';
import type { Row } from '../row.js';
import { summarize } from '../stats.js';

/** One product C[m, n] = op(A)·op(B) with inner size k. */
export interface GemmCase {
  case: string;
  m: number;
  k: number;
  n: number;
  transA: boolean;
  transB: boolean;
}

const SHAPES = [
  [512, 512, 512],
  [128, 784, 256],
  [128, 256, 128],
] as const;

/** 512³ and W2's two big products, each as A·B, Aᵀ·B and A·Bᵀ. */
export const GEMM_CASES: readonly GemmCase[] = SHAPES.flatMap(([m, k, n]) =>
  (
    [
      ['A·B', false, false],
      ['Aᵀ·B', true, false],
      ['A·Bᵀ', false, true],
    ] as const
  ).map(([form, transA, transB]) => ({
    case: `${form} ${m}x${k} · ${k}x${n}`,
    m,
    k,
    n,
    transA,
    transB,
  })),
);

/** The operands as stored: A is [k, m] when transposed, B is [n, k]. */
function operands(c: GemmCase, rng: Rng): [Tensor, Tensor] {
  return [
    c.transA ? randomMatrix(c.k, c.m, rng) : randomMatrix(c.m, c.k, rng),
    c.transB ? randomMatrix(c.n, c.k, rng) : randomMatrix(c.k, c.n, rng),
  ];
}

function row(c: GemmCase, impl: string, secondsPerProduct: number[]): Row {
  const flop = 2 * c.m * c.k * c.n;
  return {
    workload: 'W3',
    case: c.case,
    impl,
    unit: 'GFLOP/s',
    higherIsBetter: true,
    stats: summarize(secondsPerProduct.map((s) => flop / s / 1e9)),
  };
}

/** W3: float32 matrix products, GFLOP/s. */
export async function runW3(ctx: BenchContext): Promise<Row[]> {
  const rows: Row[] = [];
  for (const backend of ctx.neunet) {
    ctx.log(`W3 NeuNet ${backend.name}`);
    await backend.activate();
    const kernels = getBackend();
    for (const c of GEMM_CASES) {
      const [a, b] = operands(c, new Rng(ctx.seed));
      const out = Tensor.zeros([c.m, c.n]);
      const work = (units: number) => {
        for (let u = 0; u < units; u++) kernels.matmul(a, b, out, c.transA, c.transB);
      };
      rows.push(row(c, `NeuNet ${backend.name}`, await measure(work, ctx.timing)));
    }
  }
  for (const name of ctx.tfjs) {
    ctx.log(`W3 tfjs ${name}`);
    await useTfjs(name);
    for (const c of GEMM_CASES) {
      const [a, b] = operands(c, new Rng(ctx.seed)).map((t) =>
        tf.tensor2d(t.data, [t.rows, t.cols]),
      ) as [tf.Tensor2D, tf.Tensor2D];
      const work = (units: number) => {
        for (let u = 0; u < units; u++) {
          const product = tf.matMul(a, b, c.transA, c.transB);
          // dataSync waits for the result (and copies it out, as a caller would).
          product.dataSync();
          product.dispose();
        }
      };
      rows.push(row(c, `tfjs ${name}`, await measure(work, ctx.timing)));
      tf.dispose([a, b]);
    }
  }
  if (ctx.numpy) {
    const plan = { seed: ctx.seed, ...ctx.timing, W3: [...GEMM_CASES] };
    ctx.log('W3 numpy');
    rows.push(...runNumpy({ ...plan, impl: 'numpy' }));
    ctx.log('W3 numpy, 1 thread');
    rows.push(...runNumpy({ ...plan, impl: 'numpy 1 thread' }, 1));
  }
  return rows;
}
