// Element-wise kernels of the wasm backend. In f32 lanes they give the reference's bits:
// a sum, difference or product of two f32 values computed in f64 and rounded to f32 (as
// the reference's JavaScript does) equals the correctly rounded f32 result, and
// f32x4.max treats NaN and signed zeros as Math.max does.

// Operation codes: the same numbers as ELEMENTWISE_CODES in src/wasm/codes.ts.
const ADD: i32 = 0;
const SUB: i32 = 1;
const MUL: i32 = 2;
const MAX: i32 = 3;

function apply(op: i32, a: v128, b: v128): v128 {
  if (op === ADD) return f32x4.add(a, b);
  if (op === SUB) return f32x4.sub(a, b);
  if (op === MUL) return f32x4.mul(a, b);
  if (op === MAX) return f32x4.max(a, b);
  return a;
}

/** out = a op b over len values; out may alias a or b. */
export function elementwise(op: i32, a: usize, b: usize, out: usize, len: i32): void {
  const end = <usize>len * 4;
  let p: usize = 0;
  for (; p + 16 <= end; p += 16) v128.store(out + p, apply(op, v128.load(a + p), v128.load(b + p)));
  for (; p < end; p += 4) {
    const r = apply(op, v128.load32_zero(a + p), v128.load32_zero(b + p));
    v128.store32_lane(out + p, r, 0);
  }
}

/** The index of the first NaN or ±∞ among len values, or -1. */
export function firstNonFinite(x: usize, len: i32): i32 {
  // v·0 is 0 for every finite v and NaN otherwise: one pass for the usual, all-finite case.
  const zero = f32x4.splat(0);
  let probe = zero;
  const end = <usize>len * 4;
  let p: usize = 0;
  for (; p + 16 <= end; p += 16) probe = f32x4.add(probe, f32x4.mul(v128.load(x + p), zero));
  for (; p < end; p += 4) probe = f32x4.add(probe, f32x4.mul(v128.load32_zero(x + p), zero));
  if (!v128.any_true(f32x4.ne(probe, probe))) return -1;
  for (let i = 0; i < len; i++) {
    const v = load<f32>(x + <usize>i * 4);
    if (v - v !== 0) return i;
  }
  return -1;
}
