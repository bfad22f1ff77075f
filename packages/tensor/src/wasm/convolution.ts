import { type Conv2DGeometry, checkConv, checkPool } from '../conv-geometry.js';
import type { Tensor } from '../tensor.js';

/** A window kernel of assembly/convolution.ts: three addresses, then the geometry. */
// biome-ignore format: the arguments in the kernel's order
type WindowKernel = (
  a: number, b: number, c: number, n: number, H: number, W: number, C: number,
  KH: number, KW: number, sh: number, sw: number, dh: number, dw: number,
  pt: number, pl: number, OH: number, OW: number,
) => void;

/** The functions assembly/convolution.ts and assembly/implicit-gemm.ts export. */
export interface ConvKernels {
  col2im: WindowKernel;
  maxPool2d: WindowKernel;
  maxPool2dBackward: WindowKernel;
  avgPool2d: WindowKernel;
  avgPool2dBackward: WindowKernel;
  // biome-ignore format: the arguments in the kernel's order
  tapOffsets(
    offsets: number, KH: number, KW: number, C: number, dh: number, dw: number, rowFloats: number,
  ): void;
  packPanels(b: number, pack: number, K: number, N: number): void;
  packFlipped(w: number, pack: number, KH: number, KW: number, C: number, CO: number): void;
  conv2dRows(args: number, lo: number, hi: number, scratch: number): void;
  conv2dKernelRows(args: number, lo: number, hi: number, scratch: number): void;
  /** kernels.ts's column sums: out[j] = Σ_i x[i, j] over [rows, cols]. */
  sumColumns(x: number, out: number, rows: number, cols: number): void;
}

/** What the convolution ops use of the WasmBackend: its memory, scratch and threads. */
export interface WasmOperands {
  readonly memory: WebAssembly.Memory;
  /** The address of t's data, copied into scratch slot `slot` if it is not in wasm memory. */
  input(t: Tensor, slot: number): number;
  /** Where a kernel may write t's values: its own address, or scratch slot `slot`. */
  output(t: Tensor, slot: number): number;
  /** Copies a result written to scratch back to `out`. */
  finish(out: Tensor, ptr: number): Tensor;
  /** A scratch block of at least `bytes` bytes, kept (and grown) across calls. */
  scratch(slot: number, bytes: number): number;
  /** C = act(op(A) · op(B) + bias), split over the threads; bias 0 for none. */
  // biome-ignore format: the arguments in the kernel's order
  gemm(
    a: number, b: number, c: number, m: number, n: number, k: number,
    transA: boolean, transB: boolean, bias: number, act: number, alpha: number,
  ): void;
  /**
   * Runs ROW_KERNELS[kernel − 1] over `units` units, split over the threads when
   * `work` (multiply-adds) is large enough.
   */
  rows(kernel: number, args: number, units: number, work: number): void;
}

/** Row kernels, numbered as ROW_KERNELS in control.ts (plus one). */
const CONV_ROWS = 1;
const KERNEL_ROWS = 2;

/** Word offsets of a row job's argument block, as ARG_* in assembly/implicit-gemm.ts. */
const ARG = {
  x: 0,
  b: 1,
  bias: 2,
  out: 3,
  offsets: 4,
  k: 5,
  n: 6,
  outHeight: 7,
  outWidth: 8,
  pixel: 9,
  row: 10,
  image: 11,
  act: 12,
  alpha: 13,
  batch: 14,
  kernelHeight: 15,
  kernelWidth: 16,
  channels: 17,
  strideHeight: 18,
  strideWidth: 19,
  dilationHeight: 20,
  dilationWidth: 21,
  top: 22,
  bottom: 23,
  left: 24,
  right: 25,
  zeros: 26,
} as const;
const ARG_WORDS = 32;

/** Operand and scratch slots (the backend's own are 0 to 3). */
const X = 4;
const Y = 5;
const KERNEL = 6;
const BIAS = 7;
const OUT = 8;
const OUT2 = 9;
const ZEROS = 10;
const PACKED = 11;
const OFFSETS = 12;
const COLS = 13;
const ARGS = 14;

/**
 * The wasm backend's convolution and pooling ops.
 *
 * A convolution is a gemm of its windows (the rows of the im2col matrix) with the kernel
 * [KH·KW·C, CO]. Here it runs as an implicit gemm (assembly/implicit-gemm.ts): the gemm's
 * 4×8 register tile over packed kernel panels, reading each window straight from the
 * input through a table of tap offsets instead of from an im2col copy. Nothing is
 * padded: the kernels skip (or read zeros for) the taps outside the input, as a copy
 * padded for a dilated window grows with the square of the dilation.
 * Why not im2col and the gemm (measured, LeNet's shapes, batch 64, one thread, SIMD128,
 * Node 20 on a 2-core EPYC shared with other jobs; the fastest of 11 rounds of 20 calls,
 * im2col + gemm against implicit): conv 1 (28×28×1, 8@5×5) forward 2.92 against 1.22 ms,
 * kernel gradient 3.85 against 1.04 ms; conv 2 (12×12×8, 16@5×5) forward 2.41 against
 * 1.46 ms, kernel gradient 2.88 against 1.70 ms, input gradient (col2im of dy · kernelᵀ
 * against the full correlation below) 3.08 against 2.20 ms. The copy costs as much as the
 * product (a window row of conv 1 is five floats), runs on one thread, and its gemm forms
 * are the slow ones (k = 36864 for Aᵀ·B, k = 16 for A·Bᵀ). Medians moved the same way, by
 * 1.5–3.5×. The forward pass gives the same bits either way (the same products summed
 * in the same order).
 *
 * The input gradient with stride 1 is the same implicit gemm over dy, seen as padded by
 * the window's span, with the kernel flipped (a "full" correlation); with larger strides it
 * is col2im(dy · kernelᵀ) through the gemm. The kernel gradient is windowsᵀ · dy, tiles
 * of 4 taps × 8 filters summed over every output cell.
 *
 * Each output value is computed by one thread in one fixed order, so results are
 * bit-identical for any number of threads. The poolings run on the calling thread.
 */
export class WasmConvolution {
  private args: Int32Array | undefined;
  private argsFloat: Float32Array | undefined;

  constructor(
    private readonly kernels: ConvKernels,
    private readonly ops: WasmOperands,
  ) {}

  conv2d(
    x: Tensor,
    kernel: Tensor,
    bias: Tensor | undefined,
    g: Conv2DGeometry,
    out: Tensor,
    act: number,
    alpha: number,
  ): Tensor {
    const n = checkConv('conv2d', g, x, out, kernel, bias);
    const px = this.ops.input(x, X);
    const pk = this.ops.input(kernel, KERNEL);
    const pbias = bias ? this.ops.input(bias, BIAS) : 0;
    const po = this.ops.output(out, OUT);
    const k = g.kernelHeight * g.kernelWidth * g.inChannels;
    const pack = this.ops.scratch(PACKED, panels(g.outChannels) * k * 32);
    this.kernels.packPanels(pk, pack, k, g.outChannels);
    const a = this.job(g.kernelHeight, g.kernelWidth, g, input(px, g));
    a[ARG.b] = pack;
    a[ARG.bias] = pbias;
    a[ARG.out] = po;
    a[ARG.k] = k;
    a[ARG.n] = g.outChannels;
    a[ARG.outHeight] = g.outHeight;
    a[ARG.outWidth] = g.outWidth;
    a[ARG.act] = act;
    this.argsFloat![ARG.alpha] = alpha;
    const cells = n * g.outHeight * g.outWidth;
    this.ops.rows(CONV_ROWS, this.argsAt(), n * g.outHeight, cells * k * g.outChannels);
    return this.ops.finish(out, po);
  }

  backwardInput(dy: Tensor, kernel: Tensor, g: Conv2DGeometry, dx: Tensor): Tensor {
    const n = checkConv('conv2dBackwardInput', g, dx, dy, kernel);
    const pdy = this.ops.input(dy, Y);
    const pk = this.ops.input(kernel, KERNEL);
    const pdx = this.ops.output(dx, OUT);
    const spanH = (g.kernelHeight - 1) * g.dilationHeight + 1;
    const spanW = (g.kernelWidth - 1) * g.dilationWidth + 1;
    // dy seen as padded so that every input cell's taps land in the padded frame.
    const top = spanH - 1 - g.padTop;
    const bottom = spanH - 1 - g.padBottom;
    const left = spanW - 1 - g.padLeft;
    const right = spanW - 1 - g.padRight;
    if (g.strideHeight !== 1 || g.strideWidth !== 1 || Math.min(top, bottom, left, right) < 0) {
      return this.backwardInputByCols(n, pdy, pk, g, pdx, dx);
    }
    const co = g.outChannels;
    const k = g.kernelHeight * g.kernelWidth * co;
    const pack = this.ops.scratch(PACKED, panels(g.inChannels) * k * 32);
    this.kernels.packFlipped(pk, pack, g.kernelHeight, g.kernelWidth, g.inChannels, co);
    const frame = {
      ptr: pdy,
      height: g.outHeight,
      width: g.outWidth,
      channels: co,
      strideHeight: 1,
      strideWidth: 1,
      top,
      left,
    };
    const a = this.job(g.kernelHeight, g.kernelWidth, g, frame);
    a[ARG.b] = pack;
    a[ARG.bias] = 0;
    a[ARG.out] = pdx;
    a[ARG.k] = k;
    a[ARG.n] = g.inChannels;
    a[ARG.outHeight] = g.inHeight;
    a[ARG.outWidth] = g.inWidth;
    a[ARG.act] = 0;
    const cells = n * g.inHeight * g.inWidth;
    this.ops.rows(CONV_ROWS, this.argsAt(), n * g.inHeight, cells * k * g.inChannels);
    return this.ops.finish(dx, pdx);
  }

  backwardKernel(
    x: Tensor,
    dy: Tensor,
    g: Conv2DGeometry,
    dKernel: Tensor,
    dBias: Tensor | undefined,
  ): Tensor {
    const n = checkConv('conv2dBackwardKernel', g, x, dy, dKernel, dBias);
    const px = this.ops.input(x, X);
    const pdy = this.ops.input(dy, Y);
    const pdk = this.ops.output(dKernel, OUT);
    const k = g.kernelHeight * g.kernelWidth * g.inChannels;
    const a = this.job(g.kernelHeight, g.kernelWidth, g, input(px, g));
    a[ARG.b] = pdy;
    a[ARG.out] = pdk;
    a[ARG.k] = k;
    a[ARG.n] = g.outChannels;
    a[ARG.outHeight] = g.outHeight;
    a[ARG.outWidth] = g.outWidth;
    a[ARG.batch] = n;
    const units = Math.ceil(k / 4) * panels(g.outChannels);
    const cells = n * g.outHeight * g.outWidth;
    this.ops.rows(KERNEL_ROWS, this.argsAt(), units, cells * k * g.outChannels);
    this.ops.finish(dKernel, pdk);
    if (dBias) {
      const pdb = this.ops.output(dBias, OUT2);
      this.kernels.sumColumns(pdy, pdb, cells, g.outChannels);
      this.ops.finish(dBias, pdb);
    }
    return dKernel;
  }

  maxPool2d(x: Tensor, g: Conv2DGeometry, out: Tensor): Tensor {
    const n = checkPool('maxPool2d', g, x, out);
    const px = this.ops.input(x, X);
    const po = this.ops.output(out, OUT);
    this.window(this.kernels.maxPool2d, px, po, 0, n, g);
    return this.ops.finish(out, po);
  }

  maxPool2dBackward(x: Tensor, dy: Tensor, g: Conv2DGeometry, dx: Tensor): Tensor {
    const n = checkPool('maxPool2dBackward', g, x, dy);
    checkPool('maxPool2dBackward', g, dx, dy);
    const px = this.ops.input(x, X);
    const pdy = this.ops.input(dy, Y);
    const pdx = this.ops.output(dx, OUT);
    this.window(this.kernels.maxPool2dBackward, px, pdy, pdx, n, g);
    return this.ops.finish(dx, pdx);
  }

  avgPool2d(x: Tensor, g: Conv2DGeometry, out: Tensor): Tensor {
    const n = checkPool('avgPool2d', g, x, out);
    const px = this.ops.input(x, X);
    const po = this.ops.output(out, OUT);
    this.window(this.kernels.avgPool2d, px, po, 0, n, g);
    return this.ops.finish(out, po);
  }

  avgPool2dBackward(dy: Tensor, g: Conv2DGeometry, dx: Tensor): Tensor {
    const n = checkPool('avgPool2dBackward', g, dx, dy);
    const pdy = this.ops.input(dy, Y);
    const pdx = this.ops.output(dx, OUT);
    this.window(this.kernels.avgPool2dBackward, pdy, pdx, 0, n, g);
    return this.ops.finish(dx, pdx);
  }

  /** The input gradient as col2im(dy · kernelᵀ), for strides above 1. */
  private backwardInputByCols(
    n: number,
    pdy: number,
    pk: number,
    g: Conv2DGeometry,
    pdx: number,
    dx: Tensor,
  ): Tensor {
    const m = n * g.outHeight * g.outWidth;
    const k = g.kernelHeight * g.kernelWidth * g.inChannels;
    const dcols = this.ops.scratch(COLS, m * k * 4);
    this.ops.gemm(pdy, pk, dcols, m, k, g.outChannels, false, true, 0, 0, 0);
    this.window(this.kernels.col2im, dcols, pdx, 0, n, g);
    return this.ops.finish(dx, pdx);
  }

  /**
   * The argument block for a KH×KW window moving over `frame`, with a tap-offset table
   * and a zero block for it. Views are remade only when the memory has grown (a plain
   * memory's growth detaches them).
   */
  private job(kh: number, kw: number, g: Conv2DGeometry, frame: Frame): Int32Array {
    const { ptr, height: h, width: w, channels: c } = frame;
    const offsets = this.ops.scratch(OFFSETS, Math.ceil((kh * kw * c) / 4) * 16);
    this.kernels.tapOffsets(offsets, kh, kw, c, g.dilationHeight, g.dilationWidth, w * c);
    const zeros = this.ops.scratch(ZEROS, c * 4);
    const at = this.ops.scratch(ARGS, ARG_WORDS * 4);
    const buffer = this.ops.memory.buffer;
    // The scratch block may have held something else; the kernels only read it.
    new Float32Array(buffer, zeros, c).fill(0);
    if (this.args?.buffer !== buffer || this.args.byteOffset !== at) {
      this.args = new Int32Array(buffer, at, ARG_WORDS);
      this.argsFloat = new Float32Array(buffer, at, ARG_WORDS);
    }
    const a = this.args;
    a[ARG.x] = ptr;
    a[ARG.offsets] = offsets;
    a[ARG.zeros] = zeros;
    a[ARG.kernelHeight] = kh;
    a[ARG.kernelWidth] = kw;
    a[ARG.channels] = c;
    a[ARG.dilationHeight] = g.dilationHeight;
    a[ARG.dilationWidth] = g.dilationWidth;
    a[ARG.pixel] = frame.strideWidth * c * 4;
    a[ARG.row] = frame.strideHeight * w * c * 4;
    a[ARG.image] = h * w * c * 4;
    a[ARG.strideHeight] = frame.strideHeight;
    a[ARG.strideWidth] = frame.strideWidth;
    a[ARG.top] = frame.top;
    a[ARG.bottom] = frame.top + h;
    a[ARG.left] = frame.left;
    a[ARG.right] = frame.left + w;
    return a;
  }

  private argsAt(): number {
    return this.args!.byteOffset;
  }

  private window(
    kernel: WindowKernel,
    a: number,
    b: number,
    c: number,
    n: number,
    g: Conv2DGeometry,
  ): void {
    // biome-ignore format: the arguments in the kernel's order
    kernel(
      a, b, c, n, g.inHeight, g.inWidth, g.inChannels, g.kernelHeight, g.kernelWidth,
      g.strideHeight, g.strideWidth, g.dilationHeight, g.dilationWidth, g.padTop, g.padLeft,
      g.outHeight, g.outWidth,
    );
  }
}

/**
 * What the windows move over: images [height, width, channels] at `ptr`, not padded, lying
 * at rows [top, top + height) and columns [left, left + width) of the padded frame whose
 * window origins step by the strides.
 */
interface Frame {
  ptr: number;
  height: number;
  width: number;
  channels: number;
  strideHeight: number;
  strideWidth: number;
  top: number;
  left: number;
}

/** The convolution's input as the geometry pads it. */
function input(ptr: number, g: Conv2DGeometry): Frame {
  return {
    ptr,
    height: g.inHeight,
    width: g.inWidth,
    channels: g.inChannels,
    strideHeight: g.strideHeight,
    strideWidth: g.strideWidth,
    top: g.padTop,
    left: g.padLeft,
  };
}

function panels(n: number): number {
  return Math.ceil(n / 8);
}
