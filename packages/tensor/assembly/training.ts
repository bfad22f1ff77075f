// The wasm backend's kernels for the ops a training step runs outside the matrix products:
// BatchNormalization, dropout, the weight penalty and the row gather of a batch.
//
// Each computes what its reference in src/reference/ computes, expression for expression,
// in the same precision (f64 where the reference's JavaScript numbers are doubles, f32
// only where it stores into a Float32Array) and, for every sum, in the same order: the
// SIMD runs across columns (two f64 lanes, each summing its own column down the rows), never
// along a sum. So these kernels give the JS backend's results bit for bit, and a seeded run
// does not change its bits when the backend changes. Same conventions as kernels.ts: byte
// addresses and counts only, no runtime, no globals.

/** Two adjacent f32 values at `p`, widened to f64 lanes. */
function load2(p: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(p));
}

/** Rounds two f64 lanes to f32 and stores them at `p`. */
function store2(p: usize, v: v128): void {
  v128.store64_lane(p, f32x4.demote_f64x2_zero(v), 0);
}

/**
 * BatchNormalization forward over x [rows, cols] (see Backend.batchNorm): with `training`
 * it normalises with the batch's mean and biased variance and folds them into the
 * running statistics, else it uses the running statistics. Writes invStd (f64, one per
 * column), xHat and out.
 */
export function batchNorm(
  x: usize,
  gamma: usize,
  beta: usize,
  mean: usize,
  variance: usize,
  invStd: usize,
  xHat: usize,
  out: usize,
  rows: i32,
  cols: i32,
  momentum: f64,
  epsilon: f64,
  training: bool,
): void {
  const rowBytes = <usize>cols * 4;
  const end = <usize>rows * rowBytes;
  const n = f64x2.splat(<f64>rows);
  const mom = f64x2.splat(momentum);
  const rest = f64x2.splat(1 - momentum);
  const eps = f64x2.splat(epsilon);
  const one = f64x2.splat(1);
  let j = 0;
  for (; j + 2 <= cols; j += 2) {
    const col = <usize>j * 4;
    let mu: v128;
    let v: v128;
    if (training) {
      mu = f64x2.splat(0);
      for (let p: usize = col; p < end; p += rowBytes) mu = f64x2.add(mu, load2(x + p));
      mu = f64x2.div(mu, n);
      v = f64x2.splat(0);
      for (let p: usize = col; p < end; p += rowBytes) {
        const d = f64x2.sub(load2(x + p), mu);
        v = f64x2.add(v, f64x2.mul(d, d));
      }
      v = f64x2.div(v, n);
      store2(mean + col, f64x2.add(f64x2.mul(mom, load2(mean + col)), f64x2.mul(rest, mu)));
      store2(variance + col, f64x2.add(f64x2.mul(mom, load2(variance + col)), f64x2.mul(rest, v)));
    } else {
      mu = load2(mean + col);
      v = load2(variance + col);
    }
    const inv = f64x2.div(one, f64x2.sqrt(f64x2.add(v, eps)));
    v128.store(invStd + <usize>j * 8, inv);
    const g = load2(gamma + col);
    const b = load2(beta + col);
    for (let p: usize = col; p < end; p += rowBytes) {
      // x̂ is rounded to f32 (it is stored), and out is computed from the rounded value.
      const h = f32x4.demote_f64x2_zero(f64x2.mul(f64x2.sub(load2(x + p), mu), inv));
      v128.store64_lane(xHat + p, h, 0);
      store2(out + p, f64x2.add(f64x2.mul(g, f64x2.promote_low_f32x4(h)), b));
    }
  }
  if (j < cols) {
    const col = <usize>j * 4;
    let mu: f64;
    let v: f64;
    if (training) {
      mu = 0;
      for (let p: usize = col; p < end; p += rowBytes) mu += <f64>load<f32>(x + p);
      mu /= <f64>rows;
      v = 0;
      for (let p: usize = col; p < end; p += rowBytes) {
        const d = <f64>load<f32>(x + p) - mu;
        v += d * d;
      }
      v /= <f64>rows;
      store<f32>(mean + col, <f32>(momentum * <f64>load<f32>(mean + col) + (1 - momentum) * mu));
      store<f32>(
        variance + col,
        <f32>(momentum * <f64>load<f32>(variance + col) + (1 - momentum) * v),
      );
    } else {
      mu = <f64>load<f32>(mean + col);
      v = <f64>load<f32>(variance + col);
    }
    const inv = 1 / Math.sqrt(v + epsilon);
    store<f64>(invStd + <usize>j * 8, inv);
    const g = <f64>load<f32>(gamma + col);
    const b = <f64>load<f32>(beta + col);
    for (let p: usize = col; p < end; p += rowBytes) {
      const h = <f32>((<f64>load<f32>(x + p) - mu) * inv);
      store<f32>(xHat + p, h);
      store<f32>(out + p, <f32>(g * <f64>h + b));
    }
  }
}

/**
 * BatchNormalization backward (see Backend.batchNormBackward) from the invStd and xHat
 * the forward pass left: writes dx, dGamma = Σ dy·x̂ and dBeta = Σ dy per column.
 */
export function batchNormBackward(
  dy: usize,
  gamma: usize,
  invStd: usize,
  xHat: usize,
  dx: usize,
  dGamma: usize,
  dBeta: usize,
  rows: i32,
  cols: i32,
  training: bool,
): void {
  const rowBytes = <usize>cols * 4;
  const end = <usize>rows * rowBytes;
  const n = f64x2.splat(<f64>rows);
  let j = 0;
  for (; j + 2 <= cols; j += 2) {
    const col = <usize>j * 4;
    let sumG = f64x2.splat(0);
    let sumGx = f64x2.splat(0);
    for (let p: usize = col; p < end; p += rowBytes) {
      const gv = load2(dy + p);
      sumG = f64x2.add(sumG, gv);
      sumGx = f64x2.add(sumGx, f64x2.mul(gv, load2(xHat + p)));
    }
    store2(dBeta + col, sumG);
    store2(dGamma + col, sumGx);
    const g = load2(gamma + col);
    const inv = v128.load(invStd + <usize>j * 8);
    if (training) {
      const s = f64x2.div(f64x2.mul(g, inv), n);
      for (let p: usize = col; p < end; p += rowBytes) {
        const t = f64x2.sub(
          f64x2.sub(f64x2.mul(n, load2(dy + p)), sumG),
          f64x2.mul(load2(xHat + p), sumGx),
        );
        store2(dx + p, f64x2.mul(s, t));
      }
    } else {
      for (let p: usize = col; p < end; p += rowBytes) {
        store2(dx + p, f64x2.mul(f64x2.mul(load2(dy + p), g), inv));
      }
    }
  }
  if (j < cols) {
    const col = <usize>j * 4;
    let sumG: f64 = 0;
    let sumGx: f64 = 0;
    for (let p: usize = col; p < end; p += rowBytes) {
      const gv = <f64>load<f32>(dy + p);
      sumG += gv;
      sumGx += gv * <f64>load<f32>(xHat + p);
    }
    store<f32>(dBeta + col, <f32>sumG);
    store<f32>(dGamma + col, <f32>sumGx);
    const g = <f64>load<f32>(gamma + col);
    const inv = load<f64>(invStd + <usize>j * 8);
    if (training) {
      const s = (g * inv) / <f64>rows;
      for (let p: usize = col; p < end; p += rowBytes) {
        const t = <f64>rows * <f64>load<f32>(dy + p) - sumG - <f64>load<f32>(xHat + p) * sumGx;
        store<f32>(dx + p, <f32>(s * t));
      }
    } else {
      for (let p: usize = col; p < end; p += rowBytes) {
        store<f32>(dx + p, <f32>(<f64>load<f32>(dy + p) * g * inv));
      }
    }
  }
}

/**
 * Inverted dropout over len values (see Backend.dropout), drawing from the xoshiro128**
 * state at `state` (four u32 words, as Rng keeps them) exactly as Rng.uniform does, one
 * draw per value in order, and leaving the advanced state there.
 */
export function dropout(
  x: usize,
  mask: usize,
  out: usize,
  len: i32,
  keep: f64,
  factor: f64,
  state: usize,
): void {
  let s0 = load<u32>(state);
  let s1 = load<u32>(state, 4);
  let s2 = load<u32>(state, 8);
  let s3 = load<u32>(state, 12);
  const f = <f32>factor;
  // Rng.uniform() < keep, with uniform() = (hi·2²⁶ + lo) / 2⁵³, is exactly the integer
  // hi·2²⁶ + lo < ⌈keep·2⁵³⌉: the scaling by a power of two and the sum are exact.
  const threshold = <u64>Math.ceil(keep * 9007199254740992);
  for (let i = 0; i < len; i++) {
    // Two steps of xoshiro128**, as Rng.nextUint32: 27 high bits, then 26 low ones.
    let a = s1;
    let t2 = s2 ^ s0;
    let t3 = s3 ^ a;
    const hi = (rotl<u32>(a * 5, 7) * 9) >>> 5;
    s0 ^= t3;
    s1 = a ^ t2;
    s2 = t2 ^ (a << 9);
    s3 = rotl<u32>(t3, 11);
    a = s1;
    t2 = s2 ^ s0;
    t3 = s3 ^ a;
    const lo = (rotl<u32>(a * 5, 7) * 9) >>> 6;
    s0 ^= t3;
    s1 = a ^ t2;
    s2 = t2 ^ (a << 9);
    s3 = rotl<u32>(t3, 11);
    const kept = (((<u64>hi) << 26) | <u64>lo) < threshold;
    const at = <usize>i * 4;
    store<f32>(mask + at, select<f32>(f, 0, kept));
    store<f32>(out + at, <f32>(<f64>load<f32>(x + at) * select<f64>(factor, 0, kept)));
  }
  store<u32>(state, s0);
  store<u32>(state, s1, 4);
  store<u32>(state, s2, 8);
  store<u32>(state, s3, 12);
}

/** l1·Σ|w| + l2·Σw² over len weights, both sums in f64 and in order (see Backend.penalty). */
export function penalty(w: usize, len: i32, l1: f64, l2: f64): f64 {
  let abs: f64 = 0;
  let squares: f64 = 0;
  const end = <usize>len * 4;
  for (let p: usize = 0; p < end; p += 4) {
    const wi = <f64>load<f32>(w + p);
    abs += Math.abs(wi);
    squares += wi * wi;
  }
  return l1 * abs + l2 * squares;
}

/** g += l1·sign(w) + 2·l2·w over len weights (see Backend.penaltyBackward). */
export function penaltyBackward(w: usize, g: usize, len: i32, l1: f64, twoL2: f64): void {
  const a = f64x2.splat(l1);
  const b = f64x2.splat(twoL2);
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const minusOne = f64x2.splat(-1);
  const end = <usize>len * 4;
  let p: usize = 0;
  for (; p + 8 <= end; p += 8) {
    const wv = load2(w + p);
    // Math.sign: ±1, or w itself for ±0 and NaN.
    const sign = v128.bitselect(
      one,
      v128.bitselect(minusOne, wv, f64x2.lt(wv, zero)),
      f64x2.gt(wv, zero),
    );
    store2(g + p, f64x2.add(f64x2.add(load2(g + p), f64x2.mul(a, sign)), f64x2.mul(b, wv)));
  }
  if (p < end) {
    const wi = <f64>load<f32>(w + p);
    const sign: f64 = wi > 0 ? 1 : wi < 0 ? -1 : wi;
    store<f32>(g + p, <f32>(<f64>load<f32>(g + p) + l1 * sign + twoL2 * wi));
  }
}

/**
 * out row r = src row indices[r] for r < count, rows of rowBytes bytes. Returns the first
 * position whose index is outside [0, srcRows), before copying anything, or -1.
 */
export function gatherRows(
  src: usize,
  srcRows: i32,
  indices: usize,
  count: i32,
  out: usize,
  rowBytes: usize,
): i32 {
  for (let r = 0; r < count; r++) {
    const index = load<i32>(indices + <usize>r * 4);
    if (<u32>index >= <u32>srcRows) return r;
  }
  for (let r = 0; r < count; r++) {
    const index = load<i32>(indices + <usize>r * 4);
    memory.copy(out + <usize>r * rowBytes, src + <usize>index * rowBytes, rowBytes);
  }
  return -1;
}
