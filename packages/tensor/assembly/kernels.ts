// The WebAssembly kernels of @neunet/tensor's wasm backend, in AssemblyScript.
// Every argument is a byte address in the (imported) memory or a count: the JS side owns
// all allocation, so this module has no runtime, no data segments and no globals that
// threads would have to share. Built once with SIMD128 and once with relaxed SIMD too;
// ASC_FEATURE_RELAXED_SIMD picks the multiply-add at compile time. Small helpers carry no
// @inline decorator (the repo's linter parses these files as TypeScript): Binaryen's -O3
// inlines them, as the GFLOP/s of scripts/gemm-bench.ts show.

// Activation codes: the same numbers as ACTIVATION_CODES in src/wasm/codes.ts.
const LINEAR: i32 = 0;
const RELU: i32 = 1;
const LEAKY_RELU: i32 = 2;
const SIGMOID: i32 = 3;
const TANH: i32 = 4;

/** Columns per packed panel of B: two f32x4 vectors, so a 4-row tile holds 8 accumulators. */
const NR: i32 = 8;
/** Bytes of one packed row of a panel. */
const PANEL_ROW: usize = 32;

/** The first byte the JS allocator may hand out. */
export function heapBase(): usize {
  return __heap_base;
}

function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

function activate(v: f32, act: i32, alpha: f32): f32 {
  if (act === LINEAR) return v;
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
 * Copies panels [p0, p1) of op(B) [k, n] to `pack`: panel p holds columns p*8 .. p*8+8,
 * one 8-float row per k, zero-padded past n, so the inner loop reads B contiguously.
 */
function packB(b: usize, k: i32, n: i32, transB: bool, p0: i32, p1: i32, pack: usize): void {
  for (let p = p0; p < p1; p++) {
    const dst = pack + <usize>(p - p0) * <usize>k * PANEL_ROW;
    const j0 = p * NR;
    const w = min(NR, n - j0);
    if (!transB && w === NR) {
      for (let r = 0; r < k; r++) {
        const src = b + (<usize>r * <usize>n + <usize>j0) * 4;
        const d = dst + <usize>r * PANEL_ROW;
        v128.store(d, v128.load(src));
        v128.store(d, v128.load(src, 16), 16);
      }
    } else if (!transB) {
      for (let r = 0; r < k; r++) {
        const src = b + (<usize>r * <usize>n + <usize>j0) * 4;
        const d = dst + <usize>r * PANEL_ROW;
        for (let c = 0; c < NR; c++)
          store<f32>(d + <usize>c * 4, c < w ? load<f32>(src + <usize>c * 4) : 0);
      }
    } else {
      // B is stored [n, k]: column j of op(B) is row j of B.
      for (let c = 0; c < NR; c++) {
        const d = dst + <usize>c * 4;
        if (c < w) {
          const src = b + <usize>(j0 + c) * <usize>k * 4;
          for (let r = 0; r < k; r++)
            store<f32>(d + <usize>r * PANEL_ROW, load<f32>(src + <usize>r * 4));
        } else {
          for (let r = 0; r < k; r++) store<f32>(d + <usize>r * PANEL_ROW, 0);
        }
      }
    }
  }
}

/** Writes one 8-wide row of a tile: bias, activation, and only the w columns that exist. */
function storeRow(
  c: usize,
  v0: v128,
  v1: v128,
  w: i32,
  bias: usize,
  act: i32,
  alpha: f32,
  alphaV: v128,
  tmp: usize,
): void {
  if (bias !== 0) {
    if (w === NR) {
      v0 = f32x4.add(v0, v128.load(bias));
      v1 = f32x4.add(v1, v128.load(bias, 16));
    }
  }
  if (w === NR && act <= LEAKY_RELU) {
    v128.store(c, activateVec(v0, act, alphaV));
    v128.store(c, activateVec(v1, act, alphaV), 16);
    return;
  }
  v128.store(tmp, v0);
  v128.store(tmp, v1, 16);
  for (let j = 0; j < w; j++) {
    let v = load<f32>(tmp + <usize>j * 4);
    if (bias !== 0 && w !== NR) v += load<f32>(bias + <usize>j * 4);
    store<f32>(c + <usize>j * 4, activate(v, act, alpha));
  }
}

/**
 * C[rowStart..rowEnd, panels p0..p1] = act(op(A) · op(B) + bias), op(A) [m, k], op(B)
 * [k, n], C [m, n] row-major. A thread computes the block it is given; `pack` is its own
 * scratch of (p1 - p0)·k·32 + 32 bytes. `bias` is 0 for none.
 */
export function gemm(
  a: usize,
  b: usize,
  c: usize,
  m: i32,
  n: i32,
  k: i32,
  transA: bool,
  transB: bool,
  bias: usize,
  act: i32,
  alpha: f32,
  rowStart: i32,
  rowEnd: i32,
  p0: i32,
  p1: i32,
  pack: usize,
): void {
  if (rowStart >= rowEnd || p0 >= p1) return;
  // With fewer than 4 rows (inference on one sample) packing would cost more than the
  // product: full panels are read straight from B, row after row n floats apart. Only a
  // last, narrower panel is packed, into the pack buffer's first panel.
  const direct = !transB && rowEnd - rowStart < 4;
  if (!direct) packB(b, k, n, transB, p0, p1, pack);
  const tmp = pack + <usize>(direct ? 1 : p1 - p0) * <usize>k * PANEL_ROW;
  // A(i, r) is at a + i·rowStep + r·colStep, whichever way A is stored.
  const rowStep: usize = transA ? 4 : <usize>k * 4;
  const colStep: usize = transA ? <usize>m * 4 : 4;
  const alphaV = f32x4.splat(alpha);
  const kEnd: usize = <usize>k * colStep;
  for (let p = p0; p < p1; p++) {
    const j0 = p * NR;
    const w = min(NR, n - j0);
    let bp = pack + <usize>(p - p0) * <usize>k * PANEL_ROW;
    let bStep = PANEL_ROW;
    if (direct && w === NR) {
      bp = b + <usize>j0 * 4;
      bStep = <usize>n * 4;
    } else if (direct) {
      packB(b, k, n, false, p, p + 1, pack);
      bp = pack;
    }
    const biasP: usize = bias === 0 ? 0 : bias + <usize>j0 * 4;
    let i = rowStart;
    for (; i + 4 <= rowEnd; i += 4) {
      const a0 = a + <usize>i * rowStep;
      const a1 = a0 + rowStep;
      const a2 = a1 + rowStep;
      const a3 = a2 + rowStep;
      let c00 = f32x4.splat(0);
      let c01 = f32x4.splat(0);
      let c10 = f32x4.splat(0);
      let c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0);
      let c21 = f32x4.splat(0);
      let c30 = f32x4.splat(0);
      let c31 = f32x4.splat(0);
      let bq = bp;
      for (let off: usize = 0; off < kEnd; off += colStep) {
        const b0 = v128.load(bq);
        const b1 = v128.load(bq, 16);
        let x = v128.load32_splat(a0 + off);
        c00 = madd(x, b0, c00);
        c01 = madd(x, b1, c01);
        x = v128.load32_splat(a1 + off);
        c10 = madd(x, b0, c10);
        c11 = madd(x, b1, c11);
        x = v128.load32_splat(a2 + off);
        c20 = madd(x, b0, c20);
        c21 = madd(x, b1, c21);
        x = v128.load32_splat(a3 + off);
        c30 = madd(x, b0, c30);
        c31 = madd(x, b1, c31);
        bq += bStep;
      }
      const cp = c + (<usize>i * <usize>n + <usize>j0) * 4;
      const rowBytes = <usize>n * 4;
      storeRow(cp, c00, c01, w, biasP, act, alpha, alphaV, tmp);
      storeRow(cp + rowBytes, c10, c11, w, biasP, act, alpha, alphaV, tmp);
      storeRow(cp + 2 * rowBytes, c20, c21, w, biasP, act, alpha, alphaV, tmp);
      storeRow(cp + 3 * rowBytes, c30, c31, w, biasP, act, alpha, alphaV, tmp);
    }
    for (; i < rowEnd; i++) {
      const a0 = a + <usize>i * rowStep;
      let c00 = f32x4.splat(0);
      let c01 = f32x4.splat(0);
      let bq = bp;
      for (let off: usize = 0; off < kEnd; off += colStep) {
        const x = v128.load32_splat(a0 + off);
        c00 = madd(x, v128.load(bq), c00);
        c01 = madd(x, v128.load(bq, 16), c01);
        bq += bStep;
      }
      storeRow(
        c + (<usize>i * <usize>n + <usize>j0) * 4,
        c00,
        c01,
        w,
        biasP,
        act,
        alpha,
        alphaV,
        tmp,
      );
    }
  }
}

/** out = act(x) over len values; out may be x. */
export function activation(x: usize, out: usize, len: i32, act: i32, alpha: f32): void {
  let i = 0;
  if (act <= LEAKY_RELU) {
    const alphaV = f32x4.splat(alpha);
    for (; i + 4 <= len; i += 4) {
      const at = <usize>i * 4;
      v128.store(out + at, activateVec(v128.load(x + at), act, alphaV));
    }
  }
  for (; i < len; i++) {
    const at = <usize>i * 4;
    store<f32>(out + at, activate(load<f32>(x + at), act, alpha));
  }
}

/**
 * out = dL/dx from the activation's output y and dy = dL/dy. Every supported activation
 * has a derivative expressible through y (y > 0 exactly when x > 0 for the ReLUs).
 */
export function activationBackward(
  y: usize,
  dy: usize,
  out: usize,
  len: i32,
  act: i32,
  alpha: f32,
): void {
  const zero = f32x4.splat(0);
  const one = f32x4.splat(1);
  const alphaV = f32x4.splat(alpha);
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const at = <usize>i * 4;
    const yv = v128.load(y + at);
    const g = v128.load(dy + at);
    let r = g;
    if (act === RELU) r = v128.and(g, f32x4.gt(yv, zero));
    else if (act === LEAKY_RELU) r = v128.bitselect(g, f32x4.mul(g, alphaV), f32x4.gt(yv, zero));
    else if (act === SIGMOID) r = f32x4.mul(f32x4.mul(g, yv), f32x4.sub(one, yv));
    else if (act === TANH) r = f32x4.mul(g, f32x4.sub(one, f32x4.mul(yv, yv)));
    v128.store(out + at, r);
  }
  for (; i < len; i++) {
    const at = <usize>i * 4;
    const yv = load<f32>(y + at);
    const g = load<f32>(dy + at);
    let r = g;
    if (act === RELU) r = yv > 0 ? g : 0;
    else if (act === LEAKY_RELU) r = yv > 0 ? g : alpha * g;
    else if (act === SIGMOID) r = g * yv * (1 - yv);
    else if (act === TANH) r = g * (1 - yv * yv);
    store<f32>(out + at, r);
  }
}

/** out[i, j] = x[i, j] + bias[j]; out may be x. */
export function addBias(x: usize, bias: usize, out: usize, rows: i32, cols: i32): void {
  const rowBytes = <usize>cols * 4;
  for (let r = 0; r < rows; r++) {
    const xr = x + <usize>r * rowBytes;
    const or = out + <usize>r * rowBytes;
    let j = 0;
    for (; j + 4 <= cols; j += 4) {
      const at = <usize>j * 4;
      v128.store(or + at, f32x4.add(v128.load(xr + at), v128.load(bias + at)));
    }
    for (; j < cols; j++) {
      const at = <usize>j * 4;
      store<f32>(or + at, load<f32>(xr + at) + load<f32>(bias + at));
    }
  }
}

/** out[j] = Σ_i x[i, j], summed in row order as the reference does. */
export function sumColumns(x: usize, out: usize, rows: i32, cols: i32): void {
  const rowBytes = <usize>cols * 4;
  let j = 0;
  for (; j + 4 <= cols; j += 4) {
    let s = f32x4.splat(0);
    let p = x + <usize>j * 4;
    for (let r = 0; r < rows; r++) {
      s = f32x4.add(s, v128.load(p));
      p += rowBytes;
    }
    v128.store(out + <usize>j * 4, s);
  }
  for (; j < cols; j++) {
    let s: f32 = 0;
    let p = x + <usize>j * 4;
    for (let r = 0; r < rows; r++) {
      s += load<f32>(p);
      p += rowBytes;
    }
    store<f32>(out + <usize>j * 4, s);
  }
}

/**
 * One Adam step over len weights, in place (see Backend.adamUpdate). `scale` is
 * rate / c₁ and `invC2` is 1 / c₂, folded on the JS side so the loop only multiplies;
 * 1 − β comes from JS too, because 1 − f32(0.999) is off by 1e-5 relative.
 */
export function adamUpdate(
  w: usize,
  g: usize,
  m: usize,
  v: usize,
  len: i32,
  beta1: f32,
  beta2: f32,
  oneMinusBeta1: f32,
  oneMinusBeta2: f32,
  epsilon: f32,
  scale: f32,
  invC2: f32,
): void {
  const b1 = f32x4.splat(beta1);
  const b2 = f32x4.splat(beta2);
  const a1 = f32x4.splat(oneMinusBeta1);
  const a2 = f32x4.splat(oneMinusBeta2);
  const eps = f32x4.splat(epsilon);
  const sc = f32x4.splat(scale);
  const ic2 = f32x4.splat(invC2);
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const at = <usize>i * 4;
    const gv = v128.load(g + at);
    const mv = f32x4.add(f32x4.mul(b1, v128.load(m + at)), f32x4.mul(a1, gv));
    const vv = f32x4.add(f32x4.mul(b2, v128.load(v + at)), f32x4.mul(a2, f32x4.mul(gv, gv)));
    v128.store(m + at, mv);
    v128.store(v + at, vv);
    const denominator = f32x4.add(f32x4.sqrt(f32x4.mul(vv, ic2)), eps);
    v128.store(w + at, f32x4.sub(v128.load(w + at), f32x4.div(f32x4.mul(sc, mv), denominator)));
  }
  for (; i < len; i++) {
    const at = <usize>i * 4;
    const gi = load<f32>(g + at);
    const mi = beta1 * load<f32>(m + at) + oneMinusBeta1 * gi;
    const vi = beta2 * load<f32>(v + at) + oneMinusBeta2 * gi * gi;
    store<f32>(m + at, mi);
    store<f32>(v + at, vi);
    store<f32>(w + at, load<f32>(w + at) - (scale * mi) / (Mathf.sqrt(vi * invC2) + epsilon));
  }
}
