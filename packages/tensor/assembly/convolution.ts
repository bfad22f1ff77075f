// The poolings and col2im of the wasm backend, in AssemblyScript: an entry file of the
// same module as kernels.ts (see scripts/build-wasm.mjs). The convolutions' products run
// in implicit-gemm.ts, and for a strided input gradient in kernels.ts's gemm, whose
// output col2im scatters back onto the input.
//
// Every window kernel takes up to three byte addresses, then one geometry as the JS side
// spells it out (src/wasm/convolution.ts): n, H, W, C (the input), KH, KW (the window),
// sh, sw (strides), dh, dw (dilation), pt, pl (top and left padding), OH, OW (the output).
// Tensors are NHWC; a window's taps run row-major, kh then kw, as the kernels' layout
// [kh, kw, cIn, cOut] does.

/** dst += src over `count` floats. */
function addFloats(dst: usize, src: usize, count: i32): void {
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const at = (<usize>i) << 2;
    v128.store(dst + at, f32x4.add(v128.load(dst + at), v128.load(src + at)));
  }
  for (; i < count; i++) {
    const at = (<usize>i) << 2;
    store<f32>(dst + at, load<f32>(dst + at) + load<f32>(src + at));
  }
}

/** The first tap along an axis whose cell lies inside the input (start may be negative). */
function firstTap(start: i32, dilation: i32): i32 {
  return start >= 0 ? 0 : (-start + dilation - 1) / dilation;
}

/** One past the last tap along an axis whose cell lies inside an input of `size`. */
function endTap(start: i32, size: i32, count: i32, dilation: i32): i32 {
  const room = size - start;
  if (room <= 0) return 0;
  return min(count, (room + dilation - 1) / dilation);
}

/**
 * dx = the sum, over every output and tap, of that row of dcols [n·OH·OW, KH·KW·C] added
 * into the input cell the tap read: im2col's adjoint, a convolution's input gradient
 * from dcols = dy · kernelᵀ. Added in output order, so the sum order is fixed.
 */
export function col2im(
  dcols: usize,
  dx: usize,
  _unused: usize,
  n: i32,
  H: i32,
  W: i32,
  C: i32,
  KH: i32,
  KW: i32,
  sh: i32,
  sw: i32,
  dh: i32,
  dw: i32,
  pt: i32,
  pl: i32,
  OH: i32,
  OW: i32,
): void {
  const cBytes = (<usize>C) << 2;
  memory.fill(dx, 0, <usize>(n * H * W) * cBytes);
  let src = dcols;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const iw0 = ow * sw - pl;
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * sh + kh * dh - pt;
          if (ih < 0 || ih >= H) {
            src += (<usize>(KW * C)) << 2;
            continue;
          }
          const row = dx + <usize>((b * H + ih) * W) * cBytes;
          if (dw === 1 && iw0 >= 0 && iw0 + KW <= W) {
            addFloats(row + <usize>iw0 * cBytes, src, KW * C);
            src += (<usize>(KW * C)) << 2;
            continue;
          }
          for (let kw = 0; kw < KW; kw++) {
            const iw = iw0 + kw * dw;
            if (iw >= 0 && iw < W) addFloats(row + <usize>iw * cBytes, src, C);
            src += cBytes;
          }
        }
      }
    }
  }
}

/**
 * out = the maximum over each window's cells inside x, four channels at a time.
 * f32x4.pmax keeps the earlier value unless the new one is greater, as the reference.
 */
export function maxPool2d(
  x: usize,
  out: usize,
  _unused: usize,
  n: i32,
  H: i32,
  W: i32,
  C: i32,
  KH: i32,
  KW: i32,
  sh: i32,
  sw: i32,
  dh: i32,
  dw: i32,
  pt: i32,
  pl: i32,
  OH: i32,
  OW: i32,
): void {
  const cBytes = (<usize>C) << 2;
  let o = out;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const h0 = oh * sh - pt;
      const kh0 = firstTap(h0, dh);
      const kh1 = endTap(h0, H, KH, dh);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = ow * sw - pl;
        const kw0 = firstTap(w0, dw);
        const kw1 = endTap(w0, W, KW, dw);
        let c = 0;
        for (; c + 4 <= C; c += 4) {
          let best = f32x4.splat(-Infinity);
          for (let kh = kh0; kh < kh1; kh++) {
            const row = x + <usize>((b * H + h0 + kh * dh) * W) * cBytes + ((<usize>c) << 2);
            for (let kw = kw0; kw < kw1; kw++) {
              best = f32x4.pmax(best, v128.load(row + <usize>(w0 + kw * dw) * cBytes));
            }
          }
          v128.store(o + ((<usize>c) << 2), best);
        }
        for (; c < C; c++) {
          let best: f32 = -Infinity;
          for (let kh = kh0; kh < kh1; kh++) {
            const row = x + <usize>((b * H + h0 + kh * dh) * W) * cBytes + ((<usize>c) << 2);
            for (let kw = kw0; kw < kw1; kw++) {
              const v = load<f32>(row + <usize>(w0 + kw * dw) * cBytes);
              if (v > best) best = v;
            }
          }
          store<f32>(o + ((<usize>c) << 2), best);
        }
        o += cBytes;
      }
    }
  }
}

/**
 * dx = each window's dy added at the first cell holding its maximum (strictly greater
 * values replace it, so ties keep the earliest). Four channels at a time track the best
 * value and its byte offset in x, then scatter lane by lane.
 */
export function maxPool2dBackward(
  x: usize,
  dy: usize,
  dx: usize,
  n: i32,
  H: i32,
  W: i32,
  C: i32,
  KH: i32,
  KW: i32,
  sh: i32,
  sw: i32,
  dh: i32,
  dw: i32,
  pt: i32,
  pl: i32,
  OH: i32,
  OW: i32,
): void {
  if (sh >= KH && sw >= KW && dh === 1 && dw === 1) {
    maxPoolBackDisjoint(x, dy, dx, n, H, W, C, KH, KW, sh, sw, pt, pl, OH, OW);
    return;
  }
  const cBytes = (<usize>C) << 2;
  memory.fill(dx, 0, <usize>(n * H * W) * cBytes);
  const lanes = i32x4(0, 4, 8, 12);
  let g = dy;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const h0 = oh * sh - pt;
      const kh0 = firstTap(h0, dh);
      const kh1 = endTap(h0, H, KH, dh);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = ow * sw - pl;
        const kw0 = firstTap(w0, dw);
        const kw1 = endTap(w0, W, KW, dw);
        let c = 0;
        for (; c + 4 <= C; c += 4) {
          let best = f32x4.splat(-Infinity);
          let at = i32x4.splat(-1);
          for (let kh = kh0; kh < kh1; kh++) {
            const row = (b * H + h0 + kh * dh) * W * C + c;
            for (let kw = kw0; kw < kw1; kw++) {
              const off = (row + (w0 + kw * dw) * C) << 2;
              const v = v128.load(x + <usize>off);
              const better = v128.or(f32x4.gt(v, best), i32x4.lt_s(at, i32x4.splat(0)));
              best = v128.bitselect(v, best, better);
              at = v128.bitselect(i32x4.add(i32x4.splat(off), lanes), at, better);
            }
          }
          const gc = g + ((<usize>c) << 2);
          scatterAdd(dx, i32x4.extract_lane(at, 0), load<f32>(gc));
          scatterAdd(dx, i32x4.extract_lane(at, 1), load<f32>(gc, 4));
          scatterAdd(dx, i32x4.extract_lane(at, 2), load<f32>(gc, 8));
          scatterAdd(dx, i32x4.extract_lane(at, 3), load<f32>(gc, 12));
        }
        for (; c < C; c++) {
          let best: f32 = -Infinity;
          let at = -1;
          for (let kh = kh0; kh < kh1; kh++) {
            const row = (b * H + h0 + kh * dh) * W * C + c;
            for (let kw = kw0; kw < kw1; kw++) {
              const off = (row + (w0 + kw * dw) * C) << 2;
              const v = load<f32>(x + <usize>off);
              if (v > best || at < 0) {
                best = v;
                at = off;
              }
            }
          }
          scatterAdd(dx, at, load<f32>(g + ((<usize>c) << 2)));
        }
        g += cBytes;
      }
    }
  }
}

/**
 * maxPool2dBackward when windows do not overlap (stride ≥ window, no dilation), so each
 * dx cell belongs to at most one window: each window's cells are written once, dy at the
 * first cell equal to the window's max and 0 elsewhere, as SIMD selects. This replaces
 * the general path's full zero fill and lane-by-lane scattered adds: LeNet's pool1
 * backward ([64, 24, 24, 8], 2×2) took 0.53 ms that way and 0.34 ms with loops over the
 * window here, 0.18 ms with the 2×2 window unrolled. The first equal cell is the reference's
 * pick: a later cell replaces only when strictly greater, so an earlier equal one wins.
 * A NaN max can only come from the window's first cell (nothing compares greater than
 * NaN, and a later NaN never replaces), so a NaN max picks the first cell. dy + 0 turns
 * a -0 gradient into +0, as the reference's 0 + dy does.
 */
function maxPoolBackDisjoint(
  x: usize,
  dy: usize,
  dx: usize,
  n: i32,
  H: i32,
  W: i32,
  C: i32,
  KH: i32,
  KW: i32,
  sh: i32,
  sw: i32,
  pt: i32,
  pl: i32,
  OH: i32,
  OW: i32,
): void {
  const cBytes = (<usize>C) << 2;
  // Cells outside every window (a stride above the window, or a ragged edge) stay 0.
  const covered = sh === KH && sw === KW && OH * KH - pt >= H && OW * KW - pl >= W;
  if (!covered) memory.fill(dx, 0, <usize>(n * H * W) * cBytes);
  const rowBytes = <usize>W * cBytes;
  const zero = f32x4.splat(0);
  let g = dy;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const h0 = oh * sh - pt;
      const kh0 = firstTap(h0, 1);
      const kh1 = endTap(h0, H, KH, 1);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = ow * sw - pl;
        const kw0 = firstTap(w0, 1);
        const kw1 = endTap(w0, W, KW, 1);
        const corner = <usize>((b * H + h0 + kh0) * W + w0 + kw0) * cBytes;
        const rows = kh1 - kh0;
        const cols = kw1 - kw0;
        let c = 0;
        if (rows === 2 && cols === 2) {
          // LeNet's 2×2 pools: the four cells unrolled, no loop bookkeeping per chunk.
          for (; c + 4 <= C; c += 4) {
            const p = x + corner + ((<usize>c) << 2);
            const q = p + rowBytes;
            const v0 = v128.load(p);
            const v1 = v128.load(p + cBytes);
            const v2 = v128.load(q);
            const v3 = v128.load(q + cBytes);
            const best = f32x4.pmax(f32x4.pmax(f32x4.pmax(v0, v1), v2), v3);
            const grad = f32x4.add(v128.load(g + ((<usize>c) << 2)), zero);
            const h0 = v128.or(f32x4.eq(v0, best), f32x4.ne(best, best));
            const h1 = v128.andnot(f32x4.eq(v1, best), h0);
            const taken = v128.or(h0, h1);
            const h2 = v128.andnot(f32x4.eq(v2, best), taken);
            const o = dx + corner + ((<usize>c) << 2);
            v128.store(o, v128.and(grad, h0));
            v128.store(o + cBytes, v128.and(grad, h1));
            v128.store(o + rowBytes, v128.and(grad, h2));
            // best is one of the four cells: if none of the first three, the fourth.
            v128.store(o + rowBytes + cBytes, v128.andnot(grad, v128.or(taken, h2)));
          }
        }
        for (; c + 4 <= C; c += 4) {
          const first = corner + ((<usize>c) << 2);
          let best = v128.load(x + first);
          for (let r = 0; r < rows; r++) {
            const row = x + first + <usize>r * rowBytes;
            for (let k = 0; k < cols; k++) {
              best = f32x4.pmax(best, v128.load(row + <usize>k * cBytes));
            }
          }
          const nan = f32x4.ne(best, best);
          const grad = f32x4.add(v128.load(g + ((<usize>c) << 2)), zero);
          let free = i32x4.splat(-1);
          for (let r = 0; r < rows; r++) {
            const at = first + <usize>r * rowBytes;
            for (let k = 0; k < cols; k++) {
              const cell = at + <usize>k * cBytes;
              const hit = v128.and(free, v128.or(f32x4.eq(v128.load(x + cell), best), nan));
              v128.store(dx + cell, v128.and(grad, hit));
              free = v128.andnot(free, hit);
            }
          }
        }
        for (; c < C; c++) {
          const first = corner + ((<usize>c) << 2);
          let best = load<f32>(x + first);
          for (let r = 0; r < rows; r++) {
            const row = x + first + <usize>r * rowBytes;
            for (let k = 0; k < cols; k++) {
              const v = load<f32>(row + <usize>k * cBytes);
              if (v > best) best = v;
            }
          }
          const grad = load<f32>(g + ((<usize>c) << 2)) + 0;
          const nan = F32.isNaN(best);
          let free = true;
          for (let r = 0; r < rows; r++) {
            const at = first + <usize>r * rowBytes;
            for (let k = 0; k < cols; k++) {
              const cell = at + <usize>k * cBytes;
              const hit = free && (load<f32>(x + cell) === best || nan);
              store<f32>(dx + cell, hit ? grad : 0);
              if (hit) free = false;
            }
          }
        }
        g += cBytes;
      }
    }
  }
}

function scatterAdd(base: usize, off: i32, v: f32): void {
  const p = base + <usize>off;
  store<f32>(p, load<f32>(p) + v);
}

/** out = the mean of each window's cells inside x (TensorFlow's 'same' average). */
export function avgPool2d(
  x: usize,
  out: usize,
  _unused: usize,
  n: i32,
  H: i32,
  W: i32,
  C: i32,
  KH: i32,
  KW: i32,
  sh: i32,
  sw: i32,
  dh: i32,
  dw: i32,
  pt: i32,
  pl: i32,
  OH: i32,
  OW: i32,
): void {
  const cBytes = (<usize>C) << 2;
  let o = out;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const h0 = oh * sh - pt;
      const kh0 = firstTap(h0, dh);
      const kh1 = endTap(h0, H, KH, dh);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = ow * sw - pl;
        const kw0 = firstTap(w0, dw);
        const kw1 = endTap(w0, W, KW, dw);
        const count = <f32>((kh1 - kh0) * (kw1 - kw0));
        let c = 0;
        for (; c + 4 <= C; c += 4) {
          let s = f32x4.splat(0);
          for (let kh = kh0; kh < kh1; kh++) {
            const row = x + <usize>((b * H + h0 + kh * dh) * W) * cBytes + ((<usize>c) << 2);
            for (let kw = kw0; kw < kw1; kw++) {
              s = f32x4.add(s, v128.load(row + <usize>(w0 + kw * dw) * cBytes));
            }
          }
          v128.store(o + ((<usize>c) << 2), f32x4.div(s, f32x4.splat(count)));
        }
        for (; c < C; c++) {
          let s: f32 = 0;
          for (let kh = kh0; kh < kh1; kh++) {
            const row = x + <usize>((b * H + h0 + kh * dh) * W) * cBytes + ((<usize>c) << 2);
            for (let kw = kw0; kw < kw1; kw++) s += load<f32>(row + <usize>(w0 + kw * dw) * cBytes);
          }
          store<f32>(o + ((<usize>c) << 2), s / count);
        }
        o += cBytes;
      }
    }
  }
}

/** dx = each window's dy / (its cells inside x), added over those cells. */
export function avgPool2dBackward(
  dy: usize,
  dx: usize,
  _unused: usize,
  n: i32,
  H: i32,
  W: i32,
  C: i32,
  KH: i32,
  KW: i32,
  sh: i32,
  sw: i32,
  dh: i32,
  dw: i32,
  pt: i32,
  pl: i32,
  OH: i32,
  OW: i32,
): void {
  const cBytes = (<usize>C) << 2;
  memory.fill(dx, 0, <usize>(n * H * W) * cBytes);
  let g = dy;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const h0 = oh * sh - pt;
      const kh0 = firstTap(h0, dh);
      const kh1 = endTap(h0, H, KH, dh);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = ow * sw - pl;
        const kw0 = firstTap(w0, dw);
        const kw1 = endTap(w0, W, KW, dw);
        const count = <f32>((kh1 - kh0) * (kw1 - kw0));
        let c = 0;
        for (; c + 4 <= C; c += 4) {
          const share = f32x4.div(v128.load(g + ((<usize>c) << 2)), f32x4.splat(count));
          for (let kh = kh0; kh < kh1; kh++) {
            const row = dx + <usize>((b * H + h0 + kh * dh) * W) * cBytes + ((<usize>c) << 2);
            for (let kw = kw0; kw < kw1; kw++) {
              const p = row + <usize>(w0 + kw * dw) * cBytes;
              v128.store(p, f32x4.add(v128.load(p), share));
            }
          }
        }
        for (; c < C; c++) {
          const share = load<f32>(g + ((<usize>c) << 2)) / count;
          for (let kh = kh0; kh < kh1; kh++) {
            const row = dx + <usize>((b * H + h0 + kh * dh) * W) * cBytes + ((<usize>c) << 2);
            for (let kw = kw0; kw < kw1; kw++) {
              const p = row + <usize>(w0 + kw * dw) * cBytes;
              store<f32>(p, load<f32>(p) + share);
            }
          }
        }
        g += cBytes;
      }
    }
  }
}
