// Implicit-gemm convolution: the gemm of kernels.ts (4 rows × 8 columns of f32x4
// accumulators over packed 8-column panels of B) with the rows of A read straight from
// the input instead of from an im2col copy. Row i of the im2col matrix is the window of
// output cell i; its entry r is the input value at the window's origin plus a byte
// offset that depends on r alone (tapOffsets), so one table of K offsets stands for the
// whole im2col matrix. The input is zero-padded first (padImages) when the convolution
// pads, so no tap needs a bounds check.
//
// The same row kernel computes the forward pass (x with the kernel) and, for stride 1,
// the input gradient (dy padded by the window's span, with the kernel flipped and its
// channel axes swapped: packFlipped). conv2dKernelRows computes the kernel gradient.
// Both cut their work into units (output rows; 4×8 tiles of the kernel gradient) that
// the thread pool hands out; each output value is summed by one thread in one order.
//
// A job's arguments sit in a block of i32 words in memory (the offsets below, the same
// as ARG in src/wasm/implicit-gemm.ts), so the pool's workers need only its address.

const ARG_X: usize = 0; // input (padded): [n, Hp, Wp, C]
const ARG_B: usize = 4; // packed panels of the kernel; dy for the kernel gradient
const ARG_BIAS: usize = 8; // 0 for none
const ARG_OUT: usize = 12;
const ARG_OFFSETS: usize = 16; // K byte offsets, padded with zeros to a multiple of 4
const ARG_K: usize = 20;
const ARG_N: usize = 24; // output channels
const ARG_OH: usize = 28;
const ARG_OW: usize = 32;
const ARG_PIXEL: usize = 36; // bytes between the origins of horizontally adjacent windows
const ARG_ROW: usize = 40; // bytes between the origins of vertically adjacent windows
const ARG_IMAGE: usize = 44; // bytes per image of the input
const ARG_ACT: usize = 48;
const ARG_ALPHA: usize = 52; // f32
const ARG_BATCH: usize = 56;
// The window (taps, channels per tap, strides, dilation) and the input's cells that are
// not padding, rows [top, bottom) and columns [left, right) of the padded input: the
// row kernel skips the taps that fall in the padding.
const ARG_KH: usize = 60;
const ARG_KW: usize = 64;
const ARG_C: usize = 68;
const ARG_SH: usize = 72;
const ARG_SW: usize = 76;
const ARG_DH: usize = 80;
const ARG_DW: usize = 84;
const ARG_TOP: usize = 88;
const ARG_BOTTOM: usize = 92;
const ARG_LEFT: usize = 96;
const ARG_RIGHT: usize = 100;

const LINEAR: i32 = 0;
const RELU: i32 = 1;
const LEAKY_RELU: i32 = 2;
const SIGMOID: i32 = 3;
const TANH: i32 = 4;

function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

function activate(v: f32, act: i32, alpha: f32): f32 {
  if (act === RELU) return v > 0 ? v : 0;
  if (act === LEAKY_RELU) return v > 0 ? v : alpha * v;
  if (act === SIGMOID) return <f32>(1.0 / (1.0 + Math.exp(-(<f64>v))));
  if (act === TANH) return <f32>Math.tanh(<f64>v);
  return v;
}

function activateVec(v: v128, act: i32, alphaV: v128): v128 {
  if (act === RELU) return f32x4.max(v, f32x4.splat(0));
  if (act === LEAKY_RELU) {
    return v128.bitselect(v, f32x4.mul(v, alphaV), f32x4.gt(v, f32x4.splat(0)));
  }
  return v;
}

/**
 * Writes the `w` columns (of 8) of one tile row that exist, with the bias added first
 * and the activation applied, as kernels.ts's gemm does. `tmp` is 32 bytes of scratch.
 */
function storeRow(
  c: usize,
  v0: v128,
  v1: v128,
  w: i32,
  bias: usize,
  act: i32,
  alpha: f32,
  tmp: usize,
): void {
  if (bias !== 0 && w === 8) {
    v0 = f32x4.add(v0, v128.load(bias));
    v1 = f32x4.add(v1, v128.load(bias, 16));
  }
  if (w === 8 && act <= LEAKY_RELU) {
    const alphaV = f32x4.splat(alpha);
    v128.store(c, activateVec(v0, act, alphaV));
    v128.store(c, activateVec(v1, act, alphaV), 16);
    return;
  }
  v128.store(tmp, v0);
  v128.store(tmp, v1, 16);
  for (let j = 0; j < w; j++) {
    let v = load<f32>(tmp + ((<usize>j) << 2));
    if (bias !== 0 && w !== 8) v += load<f32>(bias + ((<usize>j) << 2));
    store<f32>(c + ((<usize>j) << 2), activate(v, act, alpha));
  }
}

/**
 * offsets[r] = the byte offset of tap r = (kh, kw, c) from its window's origin, in an
 * input whose rows hold `rowFloats` floats; zeros after K up to a multiple of 4.
 */
export function tapOffsets(
  offsets: usize,
  KH: i32,
  KW: i32,
  C: i32,
  dh: i32,
  dw: i32,
  rowFloats: i32,
): void {
  let r = 0;
  for (let kh = 0; kh < KH; kh++) {
    for (let kw = 0; kw < KW; kw++) {
      for (let c = 0; c < C; c++) {
        store<i32>(offsets + ((<usize>r) << 2), (kh * dh * rowFloats + kw * dw * C + c) << 2);
        r++;
      }
    }
  }
  for (; (r & 3) !== 0; r++) store<i32>(offsets + ((<usize>r) << 2), 0);
}

/** xp [n, H + pt + pb, W + pl + pr, C] = x with zero borders. */
export function padImages(
  x: usize,
  xp: usize,
  n: i32,
  H: i32,
  W: i32,
  C: i32,
  pt: i32,
  pb: i32,
  pl: i32,
  pr: i32,
): void {
  const rowBytes = (<usize>(W * C)) << 2;
  const padRow = (<usize>((W + pl + pr) * C)) << 2;
  const left = (<usize>(pl * C)) << 2;
  const right = (<usize>(pr * C)) << 2;
  let dst = xp;
  let src = x;
  for (let b = 0; b < n; b++) {
    memory.fill(dst, 0, <usize>pt * padRow);
    dst += <usize>pt * padRow;
    for (let h = 0; h < H; h++) {
      memory.fill(dst, 0, left);
      memory.copy(dst + left, src, rowBytes);
      memory.fill(dst + left + rowBytes, 0, right);
      dst += padRow;
      src += rowBytes;
    }
    memory.fill(dst, 0, <usize>pb * padRow);
    dst += <usize>pb * padRow;
  }
}

/** pack = B [K, N] in panels of 8 columns, zero past N: panel p holds K rows of 8. */
export function packPanels(b: usize, pack: usize, K: i32, N: i32): void {
  const panels = (N + 7) >> 3;
  for (let p = 0; p < panels; p++) {
    for (let k = 0; k < K; k++) {
      const dst = pack + ((<usize>(p * K + k)) << 5);
      for (let c = 0; c < 8; c++) {
        const j = p * 8 + c;
        store<f32>(dst + ((<usize>c) << 2), j < N ? load<f32>(b + ((<usize>(k * N + j)) << 2)) : 0);
      }
    }
  }
}

/**
 * The input gradient's B: kernel [KH, KW, C, CO] flipped in both window axes with its
 * channel axes swapped, [KH, KW, CO, C], packed in panels of 8 input channels.
 */
export function packFlipped(w: usize, pack: usize, KH: i32, KW: i32, C: i32, CO: i32): void {
  const K = KH * KW * CO;
  const panels = (C + 7) >> 3;
  for (let p = 0; p < panels; p++) {
    let r = 0;
    for (let kh = 0; kh < KH; kh++) {
      for (let kw = 0; kw < KW; kw++) {
        const tap = ((KH - 1 - kh) * KW + (KW - 1 - kw)) * C;
        for (let co = 0; co < CO; co++) {
          const dst = pack + ((<usize>(p * K + r)) << 5);
          for (let c = 0; c < 8; c++) {
            const ci = p * 8 + c;
            const v: f32 = ci < C ? load<f32>(w + ((<usize>((tap + ci) * CO + co)) << 2)) : 0;
            store<f32>(dst + ((<usize>c) << 2), v);
          }
          r++;
        }
      }
    }
  }
}

/** The first tap of a window starting at `start` (relative to the cells inside) that lands inside. */
function firstInside(start: i32, dilation: i32): i32 {
  return start >= 0 ? 0 : (-start + dilation - 1) / dilation;
}

/** One past the last tap of a window starting at `start` that lands among `size` cells. */
function endInside(start: i32, size: i32, count: i32, dilation: i32): i32 {
  const room = size - start;
  return room <= 0 ? 0 : min(count, (room + dilation - 1) / dilation);
}

/**
 * Output rows [lo, hi) (row = image · OH + oh) of act(windows · B + bias): every panel
 * of 8 channels, 4 output cells at a time. Taps in the padding are skipped: the rows of
 * the window inside the input, and for each 4 cells the columns inside for any of them,
 * are contiguous runs of the tap order, each of `(kw1 − kw0)·C` taps. Skipping adds
 * only zeros fewer, so a value does not depend on how the cells are grouped.
 */
export function conv2dRows(args: usize, lo: i32, hi: i32, tmp: usize): void {
  const x = <usize>load<i32>(args, ARG_X);
  const packed = <usize>load<i32>(args, ARG_B);
  const bias = <usize>load<i32>(args, ARG_BIAS);
  const out = <usize>load<i32>(args, ARG_OUT);
  const offsets = <usize>load<i32>(args, ARG_OFFSETS);
  const K = load<i32>(args, ARG_K);
  const N = load<i32>(args, ARG_N);
  const OH = load<i32>(args, ARG_OH);
  const OW = load<i32>(args, ARG_OW);
  const pixel = <usize>load<i32>(args, ARG_PIXEL);
  const row = <usize>load<i32>(args, ARG_ROW);
  const image = <usize>load<i32>(args, ARG_IMAGE);
  const act = load<i32>(args, ARG_ACT);
  const alpha = load<f32>(args, ARG_ALPHA);
  const KH = load<i32>(args, ARG_KH);
  const KW = load<i32>(args, ARG_KW);
  const C = load<i32>(args, ARG_C);
  const sh = load<i32>(args, ARG_SH);
  const sw = load<i32>(args, ARG_SW);
  const dh = load<i32>(args, ARG_DH);
  const dw = load<i32>(args, ARG_DW);
  const top = load<i32>(args, ARG_TOP);
  const bottom = load<i32>(args, ARG_BOTTOM);
  const left = load<i32>(args, ARG_LEFT);
  const right = load<i32>(args, ARG_RIGHT);
  const panels = (N + 7) >> 3;
  const cellBytes = (<usize>N) << 2;
  const tapRow = KW * C;
  for (let r = lo; r < hi; r++) {
    const b = r / OH;
    const oh = r - b * OH;
    const origin = x + <usize>b * image + <usize>oh * row;
    const outRow = out + <usize>r * <usize>OW * cellBytes;
    const kh0 = firstInside(oh * sh - top, dh);
    const kh1 = endInside(oh * sh - top, bottom - top, KH, dh);
    for (let p = 0; p < panels; p++) {
      const bp = packed + ((<usize>(p * K)) << 5);
      const w = min(8, N - p * 8);
      const biasP: usize = bias === 0 ? 0 : bias + ((<usize>p) << 5);
      let ow = 0;
      for (; ow + 4 <= OW; ow += 4) {
        const a0 = origin + <usize>ow * pixel;
        const a1 = a0 + pixel;
        const a2 = a1 + pixel;
        const a3 = a2 + pixel;
        let c00 = f32x4.splat(0);
        let c01 = f32x4.splat(0);
        let c10 = f32x4.splat(0);
        let c11 = f32x4.splat(0);
        let c20 = f32x4.splat(0);
        let c21 = f32x4.splat(0);
        let c30 = f32x4.splat(0);
        let c31 = f32x4.splat(0);
        const kw0 = firstInside((ow + 3) * sw - left, dw);
        const kw1 = endInside(ow * sw - left, right - left, KW, dw);
        // One run of taps when the window is all inside, else one per window row.
        const whole = kh0 === 0 && kh1 === KH && kw0 === 0 && kw1 === KW;
        const runs = whole ? 1 : max(0, kh1 - kh0);
        const runTaps = whole ? K : max(0, kw1 - kw0) * C;
        let start = whole ? 0 : kh0 * tapRow + kw0 * C;
        for (let run = 0; run < runs; run++, start += tapRow) {
          let bq = bp + ((<usize>start) << 5);
          const oEnd = offsets + ((<usize>(start + runTaps)) << 2);
          for (let o = offsets + ((<usize>start) << 2); o < oEnd; o += 4) {
            const off = <usize>load<i32>(o);
            const b0 = v128.load(bq);
            const b1 = v128.load(bq, 16);
            let v = v128.load32_splat(a0 + off);
            c00 = madd(v, b0, c00);
            c01 = madd(v, b1, c01);
            v = v128.load32_splat(a1 + off);
            c10 = madd(v, b0, c10);
            c11 = madd(v, b1, c11);
            v = v128.load32_splat(a2 + off);
            c20 = madd(v, b0, c20);
            c21 = madd(v, b1, c21);
            v = v128.load32_splat(a3 + off);
            c30 = madd(v, b0, c30);
            c31 = madd(v, b1, c31);
            bq += 32;
          }
        }
        const cp = outRow + <usize>ow * cellBytes + ((<usize>p) << 5);
        storeRow(cp, c00, c01, w, biasP, act, alpha, tmp);
        storeRow(cp + cellBytes, c10, c11, w, biasP, act, alpha, tmp);
        storeRow(cp + 2 * cellBytes, c20, c21, w, biasP, act, alpha, tmp);
        storeRow(cp + 3 * cellBytes, c30, c31, w, biasP, act, alpha, tmp);
      }
      for (; ow < OW; ow++) {
        const a0 = origin + <usize>ow * pixel;
        let c00 = f32x4.splat(0);
        let c01 = f32x4.splat(0);
        const kw0 = firstInside(ow * sw - left, dw);
        const kw1 = endInside(ow * sw - left, right - left, KW, dw);
        const whole = kh0 === 0 && kh1 === KH && kw0 === 0 && kw1 === KW;
        const runs = whole ? 1 : max(0, kh1 - kh0);
        const runTaps = whole ? K : max(0, kw1 - kw0) * C;
        let start = whole ? 0 : kh0 * tapRow + kw0 * C;
        for (let run = 0; run < runs; run++, start += tapRow) {
          let bq = bp + ((<usize>start) << 5);
          const oEnd = offsets + ((<usize>(start + runTaps)) << 2);
          for (let o = offsets + ((<usize>start) << 2); o < oEnd; o += 4) {
            const v = v128.load32_splat(a0 + <usize>load<i32>(o));
            c00 = madd(v, v128.load(bq), c00);
            c01 = madd(v, v128.load(bq, 16), c01);
            bq += 32;
          }
        }
        storeRow(
          outRow + <usize>ow * cellBytes + ((<usize>p) << 5),
          c00,
          c01,
          w,
          biasP,
          act,
          alpha,
          tmp,
        );
      }
    }
  }
}

/** The 8 (or, in a last narrower panel, w) floats at p as two vectors, zeros past w. */
function loadPanelRow(p: usize, w: i32, tmp: usize): void {
  for (let j = 0; j < 8; j++)
    store<f32>(tmp + ((<usize>j) << 2), j < w ? load<f32>(p + ((<usize>j) << 2)) : 0);
}

/**
 * Tiles [lo, hi) of the kernel gradient dK [K, N] = windowsᵀ · dy, tile t = 4 rows of K
 * (t / panels) by one panel of 8 channels (t % panels), each summed over every output
 * cell of every image in order.
 */
export function conv2dKernelRows(args: usize, lo: i32, hi: i32, tmp: usize): void {
  const x = <usize>load<i32>(args, ARG_X);
  const dy = <usize>load<i32>(args, ARG_B);
  const out = <usize>load<i32>(args, ARG_OUT);
  const offsets = <usize>load<i32>(args, ARG_OFFSETS);
  const K = load<i32>(args, ARG_K);
  const N = load<i32>(args, ARG_N);
  const OH = load<i32>(args, ARG_OH);
  const OW = load<i32>(args, ARG_OW);
  const pixel = <usize>load<i32>(args, ARG_PIXEL);
  const row = <usize>load<i32>(args, ARG_ROW);
  const image = <usize>load<i32>(args, ARG_IMAGE);
  const n = load<i32>(args, ARG_BATCH);
  const panels = (N + 7) >> 3;
  const cellBytes = (<usize>N) << 2;
  for (let t = lo; t < hi; t++) {
    const k0 = (t / panels) << 2;
    const p = t % panels;
    const w = min(8, N - p * 8);
    const o0 = <usize>load<i32>(offsets + ((<usize>k0) << 2));
    const o1 = <usize>load<i32>(offsets + ((<usize>k0) << 2), 4);
    const o2 = <usize>load<i32>(offsets + ((<usize>k0) << 2), 8);
    const o3 = <usize>load<i32>(offsets + ((<usize>k0) << 2), 12);
    let c00 = f32x4.splat(0);
    let c01 = f32x4.splat(0);
    let c10 = f32x4.splat(0);
    let c11 = f32x4.splat(0);
    let c20 = f32x4.splat(0);
    let c21 = f32x4.splat(0);
    let c30 = f32x4.splat(0);
    let c31 = f32x4.splat(0);
    let g = dy + ((<usize>p) << 5);
    for (let b = 0; b < n; b++) {
      for (let oh = 0; oh < OH; oh++) {
        let a = x + <usize>b * image + <usize>oh * row;
        for (let ow = 0; ow < OW; ow++) {
          let g0: v128;
          let g1: v128;
          if (w === 8) {
            g0 = v128.load(g);
            g1 = v128.load(g, 16);
          } else {
            loadPanelRow(g, w, tmp);
            g0 = v128.load(tmp);
            g1 = v128.load(tmp, 16);
          }
          let v = v128.load32_splat(a + o0);
          c00 = madd(v, g0, c00);
          c01 = madd(v, g1, c01);
          v = v128.load32_splat(a + o1);
          c10 = madd(v, g0, c10);
          c11 = madd(v, g1, c11);
          v = v128.load32_splat(a + o2);
          c20 = madd(v, g0, c20);
          c21 = madd(v, g1, c21);
          v = v128.load32_splat(a + o3);
          c30 = madd(v, g0, c30);
          c31 = madd(v, g1, c31);
          a += pixel;
          g += cellBytes;
        }
      }
    }
    const rows = min(4, K - k0);
    const cp = out + ((<usize>(k0 * N)) << 2) + ((<usize>p) << 5);
    storeRow(cp, c00, c01, w, 0, LINEAR, 0, tmp);
    if (rows > 1) storeRow(cp + cellBytes, c10, c11, w, 0, LINEAR, 0, tmp);
    if (rows > 2) storeRow(cp + 2 * cellBytes, c20, c21, w, 0, LINEAR, 0, tmp);
    if (rows > 3) storeRow(cp + 3 * cellBytes, c30, c31, w, 0, LINEAR, 0, tmp);
  }
}
