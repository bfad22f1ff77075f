import type { ActivationKind, AdamStep, BatchNormState } from '../backend.js';
import type { Conv2DGeometry } from '../conv-geometry.js';
import { adamSize, checkSameSize, dims, JsBackend, matmulShape } from '../js-backend.js';
import { sameSize } from '../reference/elementwise.js';
import type { Rng } from '../rng.js';
import type { Tensor } from '../tensor.js';
import { ACTIVATION_CODES, ELEMENTWISE_CODES, PANEL } from './codes.js';
import { ROW_KERNELS, type RowKernel } from './control.js';
import { type ConvKernels, WasmConvolution } from './convolution.js';
import type { WasmHeap } from './heap.js';
import { ThreadPolicy } from './thread-policy.js';
import type { ThreadPool } from './thread-pool.js';
import { type TrainingKernels, WasmTraining } from './training.js';

/** The functions assembly/kernels.ts, elementwise.ts, training.ts, convolution.ts and implicit-gemm.ts export. */
export interface Kernels extends TrainingKernels, ConvKernels {
  // biome-ignore format: the arguments in the kernel's order
  gemm(
    a: number, b: number, c: number, m: number, n: number, k: number,
    transA: number, transB: number, bias: number, act: number, alpha: number,
    rowStart: number, rowEnd: number, p0: number, p1: number, pack: number,
  ): void;
  activation(x: number, out: number, len: number, act: number, alpha: number): void;
  activationBackward(
    y: number,
    dy: number,
    out: number,
    len: number,
    act: number,
    alpha: number,
  ): void;
  addBias(x: number, bias: number, out: number, rows: number, cols: number): void;
  sumColumns(x: number, out: number, rows: number, cols: number): void;
  // biome-ignore format: the arguments in the kernel's order
  adamUpdate(
    w: number, g: number, m: number, v: number, len: number, beta1: number, beta2: number,
    oneMinusBeta1: number, oneMinusBeta2: number, epsilon: number, scale: number, invC2: number,
  ): void;
  elementwise(op: number, a: number, b: number, out: number, len: number): void;
  firstNonFinite(x: number, len: number): number;
  heapBase(): number;
}

export interface WasmBackendInfo {
  /** Whether the gemm uses relaxed-SIMD fused multiply-add. */
  readonly relaxedSimd: boolean;
  /** Whether tensors live in shared memory that workers and kernels use in place. */
  readonly sharedMemory: boolean;
  /** Threads a large gemm is split over, the calling one included. */
  readonly threads: number;
}

/** Operand slots for copies of tensors that are not in wasm memory. */
const SLOT_A = 0;
const SLOT_B = 1;
const SLOT_C = 2;
const SLOT_BIAS = 3;

/**
 * The WebAssembly SIMD backend. It runs in wasm the kernels that pay for the trip: gemm
 * with packed B panels and bias + activation fused into its output pass, activations and
 * their derivatives, bias add, column sums, the Adam update (assembly/kernels.ts); the
 * element-wise add, sub, mul and maximum and the finiteness check (elementwise.ts); and
 * BatchNormalization, dropout, the weight penalty and the batch gather (training.ts).
 * The last two files compute in the reference's precision and order and so give its
 * results bit for bit. Tensors allocated by it live in wasm memory and are used
 * in place; any other operand is copied into scratch.
 *
 * Everything else runs the inherited reference code directly on the wasm memory views
 * (no copy): softmax, argmax, row sums, the losses and the metrics over a few classes
 * (each under 1 % of W1's or W2's training step in a profile); scale, axpy, clamp and
 * the reductions (clipping and diagnostics); the SGD/RMSprop/AdaGrad updates; and a
 * gather from rows outside wasm memory, where copying them all in would cost more.
 */
export class WasmBackend extends JsBackend implements WasmBackendInfo {
  override readonly name: string = 'wasm';
  /**
   * A gemm is split over the threads from this many multiply-adds (m·n·k) up: about 100³,
   * where two threads overtook one on a 2-core Zen 4 (smaller ones lose to the wake-up).
   */
  threadThreshold = 1 << 20;
  /**
   * Decides, by timing both, whether large gemms and convolutions use the workers (see
   * ThreadPolicy); undefined sends every large one to them.
   */
  threadPolicy: ThreadPolicy | undefined = new ThreadPolicy();
  private readonly slots: { ptr: number; cls: number; bytes: number }[] = [];
  /** Pack buffers: one per thread, the calling thread's first. */
  private readonly packs: { ptr: number; cls: number; bytes: number }[] = [];

  private pool: ThreadPool | undefined;
  private readonly convolution: WasmConvolution;
  private readonly rowKernels: readonly RowKernel[];
  private readonly training: WasmTraining;

  /**
   * `startPool` starts the workers; it is called on the first gemm large enough to split
   * (or by `ready`), so a process that never multiplies large matrices starts no thread.
   * Until the workers have instantiated the kernels, gemms run on the calling thread.
   */
  constructor(
    private readonly kernels: Kernels,
    private readonly heap: WasmHeap,
    readonly relaxedSimd: boolean,
    readonly threads: number,
    private startPool: (() => ThreadPool | undefined) | undefined,
  ) {
    super();
    this.rowKernels = ROW_KERNELS.map((name) => kernels[name]);
    this.convolution = new WasmConvolution(kernels, {
      memory: heap.memory,
      input: (t, slot) => this.input(t, slot),
      output: (t, slot) => this.output(t, slot),
      finish: (out, ptr) => this.finish(out, ptr),
      scratch: (slot, bytes) => this.block(this.slots, slot, bytes),
      gemm: (a, b, c, m, n, k, transA, transB, bias, act, alpha) =>
        this.gemm(a, b, c, m, n, k, transA, transB, bias, act, alpha),
      rows: (kernel, args, units, work) => this.rows(kernel, args, units, work),
    });
    this.training = new WasmTraining(kernels, {
      memory: heap.memory,
      owns: (d) => heap.owns(d),
      input: (d, slot) => this.inputArray(d, slot),
      output: (d, slot) => this.outputArray(d, slot),
      finish: (d, ptr) => this.finishArray(d, ptr),
      scratch: (slot, bytes) => this.block(this.slots, slot, bytes),
    });
  }

  get sharedMemory(): boolean {
    return this.heap.shared;
  }

  /** Starts the worker threads (if any) and resolves once they take gemm jobs. */
  async ready(): Promise<void> {
    await this.threadPool()?.started;
  }

  /** Stops the worker threads for good; the backend keeps working on the calling thread. */
  async dispose(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.startPool = undefined;
    await pool?.dispose();
  }

  private threadPool(): ThreadPool | undefined {
    if (this.startPool) {
      this.pool = this.startPool();
      this.startPool = undefined;
    }
    return this.pool;
  }

  override allocate(size: number): Float32Array {
    return this.heap.array(size);
  }

  override matmul(a: Tensor, b: Tensor, out: Tensor, transA = false, transB = false): Tensor {
    matmulShape(a, b, out, transA, transB);
    const { m, k, n } = dims;
    const pa = this.input(a, SLOT_A);
    const pb = this.input(b, SLOT_B);
    const pc = this.output(out, SLOT_C);
    this.gemm(pa, pb, pc, m, n, k, transA, transB, 0, 0, 0);
    return this.finish(out, pc);
  }

  override dense(
    x: Tensor,
    w: Tensor,
    bias: Tensor,
    out: Tensor,
    activation: ActivationKind = 'linear',
    alpha = 0.01,
  ): Tensor {
    matmulShape(x, w, out, false, false);
    const { m, k, n } = dims;
    if (bias.size !== n) {
      throw new Error(`dense: bias has ${bias.size} values, expected one per column (${n})`);
    }
    const act = code(activation);
    const px = this.input(x, SLOT_A);
    const pw = this.input(w, SLOT_B);
    const pbias = this.input(bias, SLOT_BIAS);
    const pc = this.output(out, SLOT_C);
    this.gemm(px, pw, pc, m, n, k, false, false, pbias, act, alpha);
    return this.finish(out, pc);
  }

  override activation(kind: ActivationKind, x: Tensor, out: Tensor, alpha = 0.01): Tensor {
    checkSameSize('activation', x, out);
    const act = code(kind);
    const px = this.input(x, SLOT_A);
    const po = this.output(out, SLOT_C);
    this.kernels.activation(px, po, x.size, act, alpha);
    return this.finish(out, po);
  }

  override activationBackward(
    kind: ActivationKind,
    y: Tensor,
    dy: Tensor,
    out: Tensor,
    alpha = 0.01,
  ): Tensor {
    checkSameSize('activationBackward', y, dy);
    checkSameSize('activationBackward', dy, out);
    const act = code(kind);
    const py = this.input(y, SLOT_A);
    const pg = this.input(dy, SLOT_B);
    const po = this.output(out, SLOT_C);
    this.kernels.activationBackward(py, pg, po, dy.size, act, alpha);
    return this.finish(out, po);
  }

  override addBias(x: Tensor, bias: Tensor, out: Tensor): Tensor {
    const cols = bias.size;
    if (x.size % cols !== 0 || x.cols !== cols) {
      throw new Error(`addBias: x has ${x.cols} columns but bias has ${cols} values`);
    }
    checkSameSize('addBias', x, out);
    const px = this.input(x, SLOT_A);
    const pb = this.input(bias, SLOT_BIAS);
    const po = this.output(out, SLOT_C);
    this.kernels.addBias(px, pb, po, x.rows, cols);
    return this.finish(out, po);
  }

  override sumColumns(x: Tensor, out: Tensor): Tensor {
    const cols = x.cols;
    if (out.size < cols) {
      throw new Error(`sumColumns: out holds ${out.size} values, expected ${cols}`);
    }
    const px = this.input(x, SLOT_A);
    const po = this.output(out, SLOT_C);
    this.kernels.sumColumns(px, po, x.size === 0 ? 0 : x.rows, cols);
    return this.finish(out, po);
  }

  override adamUpdate(
    w: Float32Array,
    g: Float32Array,
    m: Float32Array,
    v: Float32Array,
    step: AdamStep,
  ): void {
    const n = adamSize(w, g, m, v);
    const pw = this.inputArray(w, SLOT_C);
    const pg = this.inputArray(g, SLOT_A);
    const pm = this.inputArray(m, SLOT_B);
    const pv = this.inputArray(v, SLOT_BIAS);
    const { beta1, beta2, epsilon, rate, correction1, correction2 } = step;
    // biome-ignore format: the arguments in the kernel's order
    this.kernels.adamUpdate(
      pw, pg, pm, pv, n, beta1, beta2, 1 - beta1, 1 - beta2,
      epsilon, rate / correction1, 1 / correction2,
    );
    this.finishArray(w, pw);
    this.finishArray(m, pm);
    this.finishArray(v, pv);
  }

  override conv2d(
    x: Tensor,
    kernel: Tensor,
    bias: Tensor | undefined,
    geometry: Conv2DGeometry,
    out: Tensor,
    activation: ActivationKind = 'linear',
    alpha = 0.01,
  ): Tensor {
    const act = code(activation);
    return this.convolution.conv2d(x, kernel, bias, geometry, out, act, alpha);
  }

  override conv2dBackwardInput(
    dy: Tensor,
    kernel: Tensor,
    geometry: Conv2DGeometry,
    dx: Tensor,
  ): Tensor {
    return this.convolution.backwardInput(dy, kernel, geometry, dx);
  }

  override conv2dBackwardKernel(
    x: Tensor,
    dy: Tensor,
    geometry: Conv2DGeometry,
    dKernel: Tensor,
    dBias?: Tensor,
  ): Tensor {
    return this.convolution.backwardKernel(x, dy, geometry, dKernel, dBias);
  }

  override maxPool2d(x: Tensor, geometry: Conv2DGeometry, out: Tensor): Tensor {
    return this.convolution.maxPool2d(x, geometry, out);
  }

  override maxPool2dBackward(x: Tensor, dy: Tensor, geometry: Conv2DGeometry, dx: Tensor): Tensor {
    return this.convolution.maxPool2dBackward(x, dy, geometry, dx);
  }

  override avgPool2d(x: Tensor, geometry: Conv2DGeometry, out: Tensor): Tensor {
    return this.convolution.avgPool2d(x, geometry, out);
  }

  override avgPool2dBackward(dy: Tensor, geometry: Conv2DGeometry, dx: Tensor): Tensor {
    return this.convolution.avgPool2dBackward(dy, geometry, dx);
  }

  override add(a: Tensor, b: Tensor, out: Tensor): Tensor {
    return this.elementwise('add', a, b, out);
  }

  override sub(a: Tensor, b: Tensor, out: Tensor): Tensor {
    return this.elementwise('sub', a, b, out);
  }

  override mul(a: Tensor, b: Tensor, out: Tensor): Tensor {
    return this.elementwise('mul', a, b, out);
  }

  override maximum(a: Tensor, b: Tensor, out: Tensor): Tensor {
    return this.elementwise('maximum', a, b, out);
  }

  private elementwise(op: keyof typeof ELEMENTWISE_CODES, a: Tensor, b: Tensor, out: Tensor) {
    const n = sameSize(op, a, b, out);
    const pa = this.input(a, SLOT_A);
    const pb = this.input(b, SLOT_B);
    const po = this.output(out, SLOT_C);
    this.kernels.elementwise(ELEMENTWISE_CODES[op], pa, pb, po, n);
    return this.finish(out, po);
  }

  override firstNonFinite(x: Tensor): number {
    return this.kernels.firstNonFinite(this.input(x, SLOT_A), x.size);
  }

  override batchNorm(
    x: Tensor,
    gamma: Tensor,
    beta: Tensor,
    state: BatchNormState,
    training: boolean,
    out: Tensor,
  ): Tensor {
    return this.training.batchNorm(x, gamma, beta, state, training, out);
  }

  override batchNormBackward(
    dy: Tensor,
    gamma: Tensor,
    state: BatchNormState,
    training: boolean,
    dx: Tensor,
    dGamma: Tensor,
    dBeta: Tensor,
  ): Tensor {
    return this.training.batchNormBackward(dy, gamma, state, training, dx, dGamma, dBeta);
  }

  override dropout(x: Tensor, rate: number, rng: Rng, mask: Tensor, out: Tensor): Tensor {
    return this.training.dropout(x, rate, rng, mask, out);
  }

  override penalty(w: Tensor, l1: number, l2: number): number {
    return this.training.penalty(w, l1, l2);
  }

  override penaltyBackward(w: Tensor, l1: number, l2: number, g: Tensor): Tensor {
    return this.training.penaltyBackward(w, l1, l2, g);
  }

  override gatherRows(src: Tensor, indices: Int32Array, out: Tensor): Tensor {
    return this.training.gatherRows(src, indices, out) ?? super.gatherRows(src, indices, out);
  }

  /**
   * Splits the gemm over the threads when it is large enough: on panels of B when there
   * are enough of them (each chunk packs only its own panels), else on rows of 4 (each
   * chunk packs all of B). Every element of C is computed by one thread in the same
   * order either way, so the result does not depend on the number of threads.
   */
  private gemm(
    a: number,
    b: number,
    c: number,
    m: number,
    n: number,
    k: number,
    transA: boolean,
    transB: boolean,
    bias: number,
    act: number,
    alpha: number,
  ): void {
    const panels = Math.ceil(n / PANEL);
    const tA = transA ? 1 : 0;
    const tB = transB ? 1 : 0;
    const pool = m * n * k < this.threadThreshold ? undefined : this.threadPool();
    const policy = pool?.ready ? this.threadPolicy : undefined;
    if (!pool?.ready || (policy && !policy.usePool(m, n, k, tA + 2 * tB))) {
      const pack = this.pack(0, panels, k);
      this.kernels.gemm(a, b, c, m, n, k, tA, tB, bias, act, alpha, 0, m, 0, panels, pack);
      policy?.done(false);
      return;
    }
    const parts = pool.size + 1;
    const byPanels = panels >= 2 * parts;
    // Panels: a few chunks per thread, so a thread the OS delays leaves its share to the
    // others. Rows: one chunk per thread, as each row chunk packs all of B.
    const units = byPanels ? panels : Math.ceil(m / 4);
    const chunks = byPanels ? Math.min(panels, 4 * parts) : Math.min(parts, units);
    const packPanels = byPanels ? Math.ceil(panels / chunks) : panels;
    for (let t = 0; t < parts; t++) pool.setPack(t, this.pack(t, packPanels, k));
    pool.run(
      this.kernels.gemm,
      a,
      b,
      c,
      m,
      n,
      k,
      tA,
      tB,
      bias,
      act,
      alpha,
      byPanels,
      chunks,
      units,
      panels,
    );
    policy?.done(true);
  }

  /**
   * Runs row kernel `kernel` (see ROW_KERNELS) over `units` units, split over the threads
   * from the gemm's threshold of `work` multiply-adds up. A few chunks per thread, so a
   * thread the OS delays leaves its share to the others.
   */
  private rows(kernel: number, args: number, units: number, work: number): void {
    const pool = work < this.threadThreshold ? undefined : this.threadPool();
    const policy = pool?.ready ? this.threadPolicy : undefined;
    if (!pool?.ready || (policy && !policy.usePool(units, work, 0, 3 + kernel))) {
      this.rowKernels[kernel - 1]!(args, 0, units, this.pack(0, 0, 0));
      policy?.done(false);
      return;
    }
    const parts = pool.size + 1;
    for (let t = 0; t < parts; t++) pool.setPack(t, this.pack(t, 0, 0));
    const chunks = Math.min(units, 4 * parts);
    pool.runRows(this.kernels.gemm, this.rowKernels, kernel, args, units, chunks);
    policy?.done(true);
  }

  /** Thread `t`'s pack buffer for `panels` panels of depth k, plus the kernel's 32-byte tile. */
  private pack(t: number, panels: number, k: number): number {
    return this.block(this.packs, t, panels * k * PANEL * 4 + 32);
  }

  private block(list: { ptr: number; cls: number; bytes: number }[], i: number, bytes: number) {
    const have = list[i];
    if (have && have.bytes >= bytes) return have.ptr;
    if (have) this.heap.release(have.ptr, have.cls);
    const fresh = this.heap.malloc(bytes);
    list[i] = { ...fresh, bytes: 2 ** fresh.cls };
    return fresh.ptr;
  }

  /** The address of t's data, copied into scratch slot `slot` when it is not in wasm memory. */
  private input(t: Tensor, slot: number): number {
    return this.inputArray(t.data, slot);
  }

  private inputArray(d: Float32Array, slot: number): number {
    if (this.heap.owns(d)) return d.byteOffset;
    const ptr = this.block(this.slots, slot, d.byteLength);
    this.heap.view(ptr, d.length).set(d);
    return ptr;
  }

  private output(t: Tensor, slot: number): number {
    return this.outputArray(t.data, slot);
  }

  private outputArray(d: Float32Array, slot: number): number {
    return this.heap.owns(d) ? d.byteOffset : this.block(this.slots, slot, d.byteLength);
  }

  private finish(out: Tensor, ptr: number): Tensor {
    this.finishArray(out.data, ptr);
    return out;
  }

  /** Copies a kernel's result back when `d` is not in wasm memory. */
  private finishArray(d: Float32Array, ptr: number): void {
    if (!this.heap.owns(d)) d.set(this.heap.view(ptr, d.length));
  }
}

function code(kind: ActivationKind): number {
  const c = ACTIVATION_CODES[kind];
  if (c === undefined) {
    throw new Error(
      `wasm backend: unknown activation '${String(kind)}'; expected one of ${Object.keys(ACTIVATION_CODES).join(', ')}`,
    );
  }
  return c;
}
