import { type Conv2DGeometry, checkConv, checkPool } from '../conv-geometry.js';
import type { Tensor } from '../tensor.js';

/** A window kernel of assembly/convolution.ts: three addresses, then the geometry. */
// biome-ignore format: the arguments in the kernel's order
type WindowKernel = (
  a: number, b: number, c: number, n: number, H: number, W: number, C: number,
  KH: number, KW: number, sh: number, sw: number, dh: number, dw: number,
  pt: number, pl: number, OH: number, OW: number,
) => void;

/** The functions assembly/convolution.ts exports. */
export interface ConvKernels {
  im2col: WindowKernel;
  col2im: WindowKernel;
  maxPool2d: WindowKernel;
  maxPool2dBackward: WindowKernel;
  avgPool2d: WindowKernel;
  avgPool2dBackward: WindowKernel;
  /** kernels.ts's column sums: out[j] = Σ_i x[i, j] over [rows, cols]. */
  sumColumns(x: number, out: number, rows: number, cols: number): void;
}

/** What the convolution ops use of the WasmBackend: operand addresses, scratch, the gemm. */
export interface WasmOperands {
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
}

/** Operand slots (the backend's own are 0 to 3). */
const X = 4;
const Y = 5;
const KERNEL = 6;
const BIAS = 7;
const COLS = 8;
const OUT = 9;
const OUT2 = 10;

/**
 * The wasm backend's convolution and pooling ops. A convolution runs as im2col and the
 * threaded, packed gemm of kernels.ts: the forward pass is cols · kernel with bias and
 * activation fused into the gemm's output pass, the kernel gradient colsᵀ · dy, the input
 * gradient col2im(dy · kernelᵀ). A 1×1 convolution with stride 1 and no padding skips the
 * copy: its cols are x itself.
 *
 * TODO(measure): why im2col + gemm won over a direct SIMD kernel, with numbers.
 *
 * The gemm gives each element to one thread and sums it in the same order whatever the
 * number of threads; im2col, col2im and the poolings run on the calling thread in a fixed
 * order. So results are bit-identical for any thread count.
 */
export class WasmConvolution {
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
    const m = n * g.outHeight * g.outWidth;
    const k = taps(g);
    const px = this.ops.input(x, X);
    const pk = this.ops.input(kernel, KERNEL);
    const pbias = bias ? this.ops.input(bias, BIAS) : 0;
    const po = this.ops.output(out, OUT);
    const cols = this.cols(px, n, g, m * k);
    this.ops.gemm(cols, pk, po, m, g.outChannels, k, false, false, pbias, act, alpha);
    return this.ops.finish(out, po);
  }

  backwardInput(dy: Tensor, kernel: Tensor, g: Conv2DGeometry, dx: Tensor): Tensor {
    const n = checkConv('conv2dBackwardInput', g, dx, dy, kernel);
    const m = n * g.outHeight * g.outWidth;
    const k = taps(g);
    const pdy = this.ops.input(dy, Y);
    const pk = this.ops.input(kernel, KERNEL);
    const pdx = this.ops.output(dx, OUT);
    if (identity(g)) {
      this.ops.gemm(pdy, pk, pdx, m, k, g.outChannels, false, true, 0, 0, 0);
    } else {
      const dcols = this.ops.scratch(COLS, m * k * 4);
      this.ops.gemm(pdy, pk, dcols, m, k, g.outChannels, false, true, 0, 0, 0);
      this.window(this.kernels.col2im, dcols, pdx, 0, n, g);
    }
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
    const m = n * g.outHeight * g.outWidth;
    const k = taps(g);
    const px = this.ops.input(x, X);
    const pdy = this.ops.input(dy, Y);
    const pdk = this.ops.output(dKernel, OUT);
    const cols = this.cols(px, n, g, m * k);
    this.ops.gemm(cols, pdy, pdk, k, g.outChannels, m, true, false, 0, 0, 0);
    this.ops.finish(dKernel, pdk);
    if (dBias) {
      const pdb = this.ops.output(dBias, OUT2);
      this.kernels.sumColumns(pdy, pdb, m, g.outChannels);
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

  /** The im2col matrix of x (`size` floats), or x itself when the copy would be x. */
  private cols(px: number, n: number, g: Conv2DGeometry, size: number): number {
    if (identity(g)) return px;
    const cols = this.ops.scratch(COLS, size * 4);
    this.window(this.kernels.im2col, px, cols, 0, n, g);
    return cols;
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

/** The gemm's inner size: the taps of a window times the input channels. */
function taps(g: Conv2DGeometry): number {
  return g.kernelHeight * g.kernelWidth * g.inChannels;
}

/** Whether im2col would copy x unchanged: a 1×1 window, stride 1, no padding. */
function identity(g: Conv2DGeometry): boolean {
  return (
    g.kernelHeight === 1 &&
    g.kernelWidth === 1 &&
    g.strideHeight === 1 &&
    g.strideWidth === 1 &&
    g.padTop + g.padBottom + g.padLeft + g.padRight === 0
  );
}
