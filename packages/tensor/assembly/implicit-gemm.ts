// Implicit-gemm convolution: the gemm of kernels.ts (4 rows × 8 columns of f32x4
// accumulators over packed 8-column panels of B) with the rows of A read straight from
// the input instead of from an im2col copy. Row i of the im2col matrix is the window of
// output cell i; its entry r is the input value at the window's origin plus a byte
// offset that depends on r alone (tapOffsets), so one table of K offsets stands for the
// whole im2col matrix. Padding is never materialised: a copy padded by a dilated
// window's span grows with the square of the dilation (a 6×6 image with dilation 1000
// and 'same' padding pads to 2006×2006). The kernels read the input as it is and skip
// or mask the taps that fall outside it. A window's origin may then lie outside the
// input, its address wrapping around (wasm's i32 arithmetic is modular); only taps
// inside are loaded.
//
// The same row kernel computes the forward pass (x with the kernel) and, for stride 1,
// the input gradient (dy seen as padded by the window's span, with the kernel flipped
// and its channel axes swapped: packFlipped). conv2dKernelRows computes the kernel
// gradient. Both cut their work into units (output rows; 4×8 tiles of the kernel
// gradient) that the thread pool hands out; each output value is summed by one thread
// in one order.
//
// A job's arguments sit in a block of i32 words in memory (the offsets below, the same
// as ARG in src/wasm/convolution.ts), so the pool's workers need only its address.

const ARG_X: usize = 0; // input, not padded: [n, H, W, C]
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
// The window (taps, channels per tap, strides, dilation) and where the input lies in
// the padded frame the windows move over: rows [top, bottom) and columns [left, right).
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
const ARG_ZEROS: usize = 104; // C zero floats, read in place of taps outside the input

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
  if (start >= 0) return 0;
  // Without the division when there is no dilation: these run per 4 output cells.
  return dilation === 1 ? -start : (-start + dilation - 1) / dilation;
}

/** One past the last tap of a window starting at `start` that lands among `size` cells. */
function endInside(start: i32, size: i32, count: i32, dilation: i32): i32 {
  const room = size - start;
  if (room <= 0) return 0;
  return min(count, dilation === 1 ? room : (room + dilation - 1) / dilation);
}

/**
 * Output rows [lo, hi) (row = image · OH + oh) of act(windows · B + bias): every panel
 * of 8 channels, 4 output cells at a time. Taps outside the input are skipped: in each
 * window row inside, the columns inside for all 4 cells are a contiguous run of the tap
 * order (whole rows run on into the next). Near a left or right edge the 4 cells read
 * different columns: a column inside for some of them only is read through one pointer
 * per cell, the zero block for a cell it is outside of. Skipping or masking adds only
 * zeros fewer or more, so a value does not depend on how the cells are grouped.
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
  const zeros = <usize>load<i32>(args, ARG_ZEROS);
  const H = bottom - top;
  const W = right - left;
  // From the first input cell of an image to the origin of its window (0, 0).
  const shift = (<usize>((top * W + left) * C)) << 2;
  const panels = (N + 7) >> 3;
  const cellBytes = (<usize>N) << 2;
  const tapBytes = (<usize>C) << 2;
  const tapRow = KW * C;
  // Whether every window lies inside the input across (always without padding).
  const columnsInside = left === 0 && (OW - 1) * sw + (KW - 1) * dw < W;
  for (let r = lo; r < hi; r++) {
    const b = r / OH;
    const oh = r - b * OH;
    const origin = x + <usize>b * image + <usize>oh * row - shift;
    const outRow = out + <usize>r * <usize>OW * cellBytes;
    const kh0 = firstInside(oh * sh - top, dh);
    const kh1 = endInside(oh * sh - top, H, KH, dh);
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
        // Cell j reads the columns [lo_j, hi_j); both fall as j grows.
        const s0 = ow * sw - left;
        let lo0 = 0;
        let hi0 = KW;
        let lo3 = 0;
        let hi3 = KW;
        if (!columnsInside) {
          lo0 = firstInside(s0, dw);
          hi0 = endInside(s0, W, KW, dw);
          lo3 = firstInside(s0 + 3 * sw, dw);
          hi3 = endInside(s0 + 3 * sw, W, KW, dw);
        }
        // The middle cells' columns matter only when the outer ones differ.
        const edge = lo0 !== lo3 || hi0 !== hi3;
        const lo1 = edge ? firstInside(s0 + sw, dw) : lo0;
        const hi1 = edge ? endInside(s0 + sw, W, KW, dw) : hi0;
        const lo2 = edge ? firstInside(s0 + 2 * sw, dw) : lo0;
        const hi2 = edge ? endInside(s0 + 2 * sw, W, KW, dw) : hi0;
        // Whole window rows inside for all four cells are one run of taps.
        const step = lo0 === 0 && hi3 === KW ? max(1, kh1 - kh0) : 1;
        for (let kh = kh0; kh < kh1; kh += step) {
          for (let kw = lo3; kw < hi0; ) {
            const tap = (kh * KW + kw) * C;
            if (kw >= lo0 && kw < hi3) {
              // Columns [kw, hi3) (of `step` rows) are inside for all four cells.
              let bq = bp + ((<usize>tap) << 5);
              const oEnd = offsets + ((<usize>((kh + step - 1) * tapRow + hi3 * C)) << 2);
              for (let o = offsets + ((<usize>tap) << 2); o < oEnd; o += 4) {
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
              kw = hi3;
              continue;
            }
            // Column kw is outside for some of the cells: they read the zero block.
            const off = <usize>load<i32>(offsets + ((<usize>tap) << 2));
            const p0 = kw >= lo0 && kw < hi0 ? a0 + off : zeros;
            const p1 = kw >= lo1 && kw < hi1 ? a1 + off : zeros;
            const p2 = kw >= lo2 && kw < hi2 ? a2 + off : zeros;
            const p3 = kw >= lo3 && kw < hi3 ? a3 + off : zeros;
            let bq = bp + ((<usize>tap) << 5);
            for (let c: usize = 0; c < tapBytes; c += 4) {
              const b0 = v128.load(bq);
              const b1 = v128.load(bq, 16);
              let v = v128.load32_splat(p0 + c);
              c00 = madd(v, b0, c00);
              c01 = madd(v, b1, c01);
              v = v128.load32_splat(p1 + c);
              c10 = madd(v, b0, c10);
              c11 = madd(v, b1, c11);
              v = v128.load32_splat(p2 + c);
              c20 = madd(v, b0, c20);
              c21 = madd(v, b1, c21);
              v = v128.load32_splat(p3 + c);
              c30 = madd(v, b0, c30);
              c31 = madd(v, b1, c31);
              bq += 32;
            }
            kw++;
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
        const kw1 = endInside(ow * sw - left, W, KW, dw);
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
 * cell of every image in order. Without padding every tap of every window is inside
 * and one pointer walks the windows; otherwise kernelTilePadded skips or masks the taps
 * outside.
 */
export function conv2dKernelRows(args: usize, lo: i32, hi: i32, tmp: usize): void {
  const top = load<i32>(args, ARG_TOP);
  const left = load<i32>(args, ARG_LEFT);
  const H = load<i32>(args, ARG_BOTTOM) - top;
  const W = load<i32>(args, ARG_RIGHT) - left;
  const spanH = (load<i32>(args, ARG_KH) - 1) * load<i32>(args, ARG_DH) + 1;
  const spanW = (load<i32>(args, ARG_KW) - 1) * load<i32>(args, ARG_DW) + 1;
  const lastRow = (load<i32>(args, ARG_OH) - 1) * load<i32>(args, ARG_SH);
  const lastColumn = (load<i32>(args, ARG_OW) - 1) * load<i32>(args, ARG_SW);
  if (top === 0 && left === 0 && lastRow + spanH <= H && lastColumn + spanW <= W) {
    kernelRowsInside(args, lo, hi, tmp);
    return;
  }
  for (let t = lo; t < hi; t++) kernelTilePadded(args, t, tmp);
}

/**
 * Tile t of the kernel gradient when windows reach into the padding. Tap r reads inside
 * for the output cells of a rectangle, rows [rlo, rhi) by columns [clo, chi). Where all
 * 4 taps of the tile are inside, one pointer walks the windows; at other cells a tap
 * outside reads the zero block, and cells where no tap is inside are skipped (their
 * products are zeros).
 */
function kernelTilePadded(args: usize, t: i32, tmp: usize): void {
  const x = <usize>load<i32>(args, ARG_X);
  const dy = <usize>load<i32>(args, ARG_B);
  const offsets = <usize>load<i32>(args, ARG_OFFSETS);
  const K = load<i32>(args, ARG_K);
  const N = load<i32>(args, ARG_N);
  const OH = load<i32>(args, ARG_OH);
  const OW = load<i32>(args, ARG_OW);
  const pixel = <usize>load<i32>(args, ARG_PIXEL);
  const row = <usize>load<i32>(args, ARG_ROW);
  const image = <usize>load<i32>(args, ARG_IMAGE);
  const n = load<i32>(args, ARG_BATCH);
  const KW = load<i32>(args, ARG_KW);
  const C = load<i32>(args, ARG_C);
  const sh = load<i32>(args, ARG_SH);
  const sw = load<i32>(args, ARG_SW);
  const dh = load<i32>(args, ARG_DH);
  const dw = load<i32>(args, ARG_DW);
  const top = load<i32>(args, ARG_TOP);
  const left = load<i32>(args, ARG_LEFT);
  const H = load<i32>(args, ARG_BOTTOM) - top;
  const W = load<i32>(args, ARG_RIGHT) - left;
  const zeros = <usize>load<i32>(args, ARG_ZEROS);
  const shift = (<usize>((top * W + left) * C)) << 2;
  const panels = (N + 7) >> 3;
  const cellBytes = (<usize>N) << 2;
  const k0 = (t / panels) << 2;
  const p = t % panels;
  const w = min(8, N - p * 8);
  // Taps past K (in the last tile) repeat tap K − 1; their sums are not stored.
  const t1 = min(k0 + 1, K - 1);
  const t2 = min(k0 + 2, K - 1);
  const t3 = min(k0 + 3, K - 1);
  const o0 = <usize>load<i32>(offsets + ((<usize>k0) << 2));
  const o1 = <usize>load<i32>(offsets + ((<usize>t1) << 2));
  const o2 = <usize>load<i32>(offsets + ((<usize>t2) << 2));
  const o3 = <usize>load<i32>(offsets + ((<usize>t3) << 2));
  const v0 = k0 / C / KW;
  const u0 = (k0 / C) % KW;
  const v1 = t1 / C / KW;
  const u1 = (t1 / C) % KW;
  const v2 = t2 / C / KW;
  const u2 = (t2 / C) % KW;
  const v3 = t3 / C / KW;
  const u3 = (t3 / C) % KW;
  const rlo0 = firstInside(v0 * dh - top, sh);
  const rhi0 = endInside(v0 * dh - top, H, OH, sh);
  const rlo1 = firstInside(v1 * dh - top, sh);
  const rhi1 = endInside(v1 * dh - top, H, OH, sh);
  const rlo2 = firstInside(v2 * dh - top, sh);
  const rhi2 = endInside(v2 * dh - top, H, OH, sh);
  const rlo3 = firstInside(v3 * dh - top, sh);
  const rhi3 = endInside(v3 * dh - top, H, OH, sh);
  const clo0 = firstInside(u0 * dw - left, sw);
  const chi0 = endInside(u0 * dw - left, W, OW, sw);
  const clo1 = firstInside(u1 * dw - left, sw);
  const chi1 = endInside(u1 * dw - left, W, OW, sw);
  const clo2 = firstInside(u2 * dw - left, sw);
  const chi2 = endInside(u2 * dw - left, W, OW, sw);
  const clo3 = firstInside(u3 * dw - left, sw);
  const chi3 = endInside(u3 * dw - left, W, OW, sw);
  // Rows [fullLo, fullHi) have every tap inside on columns [L, R) (all of them when
  // nothing is padded): one pointer walks those windows. Other cells mask per tap.
  const fullLo = max(max(rlo0, rlo1), max(rlo2, rlo3));
  const fullHi = min(min(rhi0, rhi1), min(rhi2, rhi3));
  const L = max(max(clo0, clo1), max(clo2, clo3));
  const R = min(min(chi0, chi1), min(chi2, chi3));
  const sameCols =
    L === min(min(clo0, clo1), min(clo2, clo3)) && R === max(max(chi0, chi1), max(chi2, chi3));
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
      const a = x + <usize>b * image + <usize>oh * row - shift;
      const full = oh >= fullLo && oh < fullHi && L < R;
      // Tap i reads inside at the columns [lo_i, hi_i) of this row (none: 0, 0).
      const in0 = full || (oh >= rlo0 && oh < rhi0);
      const in1 = full || (oh >= rlo1 && oh < rhi1);
      const in2 = full || (oh >= rlo2 && oh < rhi2);
      const in3 = full || (oh >= rlo3 && oh < rhi3);
      if (!(in0 || in1 || in2 || in3)) {
        g += <usize>OW * cellBytes;
        continue;
      }
      const lo0 = in0 ? clo0 : 0;
      const hi0 = in0 ? chi0 : 0;
      const lo1 = in1 ? clo1 : 0;
      const hi1 = in1 ? chi1 : 0;
      const lo2 = in2 ? clo2 : 0;
      const hi2 = in2 ? chi2 : 0;
      const lo3 = in3 ? clo3 : 0;
      const hi3 = in3 ? chi3 : 0;
      let ow = 0;
      while (ow < OW) {
        if (full && ow === L) {
          let ai = a + <usize>ow * pixel;
          for (; ow < R; ow++) {
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
            let v = v128.load32_splat(ai + o0);
            c00 = madd(v, g0, c00);
            c01 = madd(v, g1, c01);
            v = v128.load32_splat(ai + o1);
            c10 = madd(v, g0, c10);
            c11 = madd(v, g1, c11);
            v = v128.load32_splat(ai + o2);
            c20 = madd(v, g0, c20);
            c21 = madd(v, g1, c21);
            v = v128.load32_splat(ai + o3);
            c30 = madd(v, g0, c30);
            c31 = madd(v, g1, c31);
            ai += pixel;
            g += cellBytes;
          }
          continue;
        }
        const stop = full && ow < L ? L : OW;
        if (full && sameCols) {
          // No tap is inside outside [L, R).
          g += <usize>(stop - ow) * cellBytes;
          ow = stop;
          continue;
        }
        for (; ow < stop; ow++) {
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
          const ai = a + <usize>ow * pixel;
          let v = v128.load32_splat(ow >= lo0 && ow < hi0 ? ai + o0 : zeros);
          c00 = madd(v, g0, c00);
          c01 = madd(v, g1, c01);
          v = v128.load32_splat(ow >= lo1 && ow < hi1 ? ai + o1 : zeros);
          c10 = madd(v, g0, c10);
          c11 = madd(v, g1, c11);
          v = v128.load32_splat(ow >= lo2 && ow < hi2 ? ai + o2 : zeros);
          c20 = madd(v, g0, c20);
          c21 = madd(v, g1, c21);
          v = v128.load32_splat(ow >= lo3 && ow < hi3 ? ai + o3 : zeros);
          c30 = madd(v, g0, c30);
          c31 = madd(v, g1, c31);
          g += cellBytes;
        }
      }
    }
  }
  const rows = min(4, K - k0);
  const cp = <usize>load<i32>(args, ARG_OUT) + ((<usize>(k0 * N)) << 2) + ((<usize>p) << 5);
  storeRow(cp, c00, c01, w, 0, LINEAR, 0, tmp);
  if (rows > 1) storeRow(cp + cellBytes, c10, c11, w, 0, LINEAR, 0, tmp);
  if (rows > 2) storeRow(cp + 2 * cellBytes, c20, c21, w, 0, LINEAR, 0, tmp);
  if (rows > 3) storeRow(cp + 3 * cellBytes, c30, c31, w, 0, LINEAR, 0, tmp);
}

/**
 * conv2dKernelRows when every tap of every window is inside: one pointer walks the
 * windows. A function of its own: the same loop written in one function with the
 * padded tiles ran 20% slower on LeNet's first convolution (Node 20, x64).
 */
function kernelRowsInside(args: usize, lo: i32, hi: i32, tmp: usize): void {
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
