import type { BatchNormState } from '../backend.js';
import { sameSize } from '../reference/elementwise.js';
import { checkState } from '../reference/layers.js';
import { checkGather, outOfRange } from '../reference/rows.js';
import type { Rng } from '../rng.js';
import type { Tensor } from '../tensor.js';

/** The functions assembly/training.ts exports. */
export interface TrainingKernels {
  // biome-ignore format: the arguments in the kernel's order
  batchNorm(
    x: number, gamma: number, beta: number, mean: number, variance: number, invStd: number,
    xHat: number, out: number, rows: number, cols: number, momentum: number, epsilon: number,
    training: number,
  ): void;
  // biome-ignore format: the arguments in the kernel's order
  batchNormBackward(
    dy: number, gamma: number, invStd: number, xHat: number, dx: number, dGamma: number,
    dBeta: number, rows: number, cols: number, training: number,
  ): void;
  // biome-ignore format: the arguments in the kernel's order
  dropout(
    x: number, mask: number, out: number, len: number, keep: number, factor: number,
    state: number,
  ): void;
  penalty(w: number, len: number, l1: number, l2: number): number;
  penaltyBackward(w: number, g: number, len: number, l1: number, twoL2: number): void;
  // biome-ignore format: the arguments in the kernel's order
  gatherRows(
    src: number, srcRows: number, indices: number, count: number, out: number, rowBytes: number,
  ): number;
}

/** What these ops use of the WasmBackend: its memory and its operand copies. */
export interface TrainingOperands {
  readonly memory: WebAssembly.Memory;
  /** Whether `d` lies in wasm memory (so its byteOffset is its address). */
  owns(d: Float32Array): boolean;
  /** The address of d's values, copied into scratch slot `slot` if d is not in wasm memory. */
  input(d: Float32Array, slot: number): number;
  /** Where a kernel may write d's values: its own address, or scratch slot `slot`. */
  output(d: Float32Array, slot: number): number;
  /** Copies what a kernel wrote at `ptr` back to d, when d is not in wasm memory. */
  finish(d: Float32Array, ptr: number): void;
  /** A scratch block of at least `bytes` bytes, kept (and grown) across calls. */
  scratch(slot: number, bytes: number): number;
}

/** Scratch slots, after the four that WasmBackend's own kernels use. */
const S = {
  x: 4,
  gamma: 5,
  beta: 6,
  mean: 7,
  variance: 8,
  invStd: 9,
  xHat: 10,
  out: 11,
  grad: 12,
  rng: 13,
  indices: 14,
} as const;

/**
 * BatchNormalization, dropout, the weight penalty and the batch gather on the kernels of
 * assembly/training.ts. Each checks its operands as the reference does and gives the
 * reference's results bit for bit (see that file); operands outside wasm memory are
 * copied in and out as for the other kernels.
 */
export class WasmTraining {
  /** Views on the whole memory, made again when it grows: a call allocates no view. */
  private buffer: ArrayBufferLike | undefined;
  private f64 = new Float64Array(0);
  private u32 = new Uint32Array(0);
  private i32 = new Int32Array(0);

  constructor(
    private readonly kernels: TrainingKernels,
    private readonly mem: TrainingOperands,
  ) {}

  /** Call after the last scratch block of a call is taken (taking one may grow memory). */
  private views(): void {
    const buffer = this.mem.memory.buffer;
    if (buffer === this.buffer) return;
    this.buffer = buffer;
    this.f64 = new Float64Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.i32 = new Int32Array(buffer);
  }

  batchNorm(
    x: Tensor,
    gamma: Tensor,
    beta: Tensor,
    state: BatchNormState,
    training: boolean,
    out: Tensor,
  ): Tensor {
    const cols = checkState('batchNorm', x, state);
    sameSize('batchNorm', x, out);
    const { mem } = this;
    const px = mem.input(x.data, S.x);
    const pg = mem.input(gamma.data, S.gamma);
    const pb = mem.input(beta.data, S.beta);
    const pm = mem.input(state.runningMean, S.mean);
    const pv = mem.input(state.runningVar, S.variance);
    const ph = mem.output(state.xHat.data, S.xHat);
    const po = mem.output(out.data, S.out);
    const pi = mem.scratch(S.invStd, cols * 8);
    // biome-ignore format: the arguments in the kernel's order
    this.kernels.batchNorm(
      px, pg, pb, pm, pv, pi, ph, po, x.rows, cols, state.momentum, state.epsilon,
      training ? 1 : 0,
    );
    this.views();
    const invStd = state.invStd;
    for (let j = 0, at = pi / 8; j < cols; j++) invStd[j] = this.f64[at + j]!;
    if (training) {
      mem.finish(state.runningMean, pm);
      mem.finish(state.runningVar, pv);
    }
    mem.finish(state.xHat.data, ph);
    mem.finish(out.data, po);
    return out;
  }

  batchNormBackward(
    dy: Tensor,
    gamma: Tensor,
    state: BatchNormState,
    training: boolean,
    dx: Tensor,
    dGamma: Tensor,
    dBeta: Tensor,
  ): Tensor {
    const cols = checkState('batchNormBackward', dy, state);
    sameSize('batchNormBackward', dy, dx);
    const { mem } = this;
    const pdy = mem.input(dy.data, S.x);
    const pg = mem.input(gamma.data, S.gamma);
    const ph = mem.input(state.xHat.data, S.xHat);
    const pdx = mem.output(dx.data, S.out);
    const pdg = mem.output(dGamma.data, S.mean);
    const pdb = mem.output(dBeta.data, S.variance);
    const pi = mem.scratch(S.invStd, cols * 8);
    this.views();
    this.f64.set(state.invStd, pi / 8);
    // biome-ignore format: the arguments in the kernel's order
    this.kernels.batchNormBackward(
      pdy, pg, pi, ph, pdx, pdg, pdb, dy.rows, cols, training ? 1 : 0,
    );
    mem.finish(dx.data, pdx);
    mem.finish(dGamma.data, pdg);
    mem.finish(dBeta.data, pdb);
    return dx;
  }

  dropout(x: Tensor, rate: number, rng: Rng, mask: Tensor, out: Tensor): Tensor {
    const n = sameSize('dropout', x, mask, out);
    const { mem } = this;
    const keep = 1 - rate;
    const px = mem.input(x.data, S.x);
    const pm = mem.output(mask.data, S.xHat);
    const po = mem.output(out.data, S.out);
    const ps = mem.scratch(S.rng, 16);
    this.views();
    rng.getWords(this.u32, ps / 4);
    this.kernels.dropout(px, pm, po, n, keep, 1 / keep, ps);
    rng.setWords(this.u32, ps / 4);
    mem.finish(mask.data, pm);
    mem.finish(out.data, po);
    return out;
  }

  penalty(w: Tensor, l1: number, l2: number): number {
    return this.kernels.penalty(this.mem.input(w.data, S.x), w.size, l1, l2);
  }

  penaltyBackward(w: Tensor, l1: number, l2: number, g: Tensor): Tensor {
    const n = sameSize('penaltyBackward', w, g);
    const pw = this.mem.input(w.data, S.x);
    const pg = this.mem.input(g.data, S.grad);
    this.kernels.penaltyBackward(pw, pg, n, l1, 2 * l2);
    this.mem.finish(g.data, pg);
    return g;
  }

  /**
   * The gather in wasm when the source lies in wasm memory; undefined otherwise, where
   * copying the whole source in would cost more than the reference's loop.
   */
  gatherRows(src: Tensor, indices: Int32Array, out: Tensor): Tensor | undefined {
    const [rows, width] = checkGather(src, indices, out);
    const { mem } = this;
    if (!mem.owns(src.data)) return undefined;
    const pi = mem.scratch(S.indices, indices.byteLength);
    const po = mem.output(out.data, S.out);
    this.views();
    this.i32.set(indices, pi / 4);
    const ps = src.data.byteOffset;
    const bad = this.kernels.gatherRows(ps, rows, pi, indices.length, po, width * 4);
    if (bad >= 0) throw outOfRange(bad, indices[bad]!, rows);
    mem.finish(out.data, po);
    return out;
  }
}
