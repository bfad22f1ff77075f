/**
 * `x` with `digits` decimals as Python's `format(x, '.Nf')` prints it: the exact binary
 * value of the double rounded half to even. `Number.prototype.toFixed` differs on exact
 * ties (0.125 gives "0.13" there, "0.12" here), and scikit-learn's reports are Python's.
 */
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (!Number.isFinite(x)) return `${sign}inf`;
  const { mantissa, exponent } = decompose(Math.abs(x));
  // |x| = mantissa · 2^exponent = mantissa · 5^k / 10^k with k = −exponent: an integer
  // `scaled` over 10^k holds every decimal digit of the double exactly.
  const k = Math.max(0, -exponent);
  const scaled = exponent >= 0 ? mantissa << BigInt(exponent) : mantissa * 5n ** BigInt(k);
  let units: bigint;
  if (k <= digits) {
    units = scaled * 10n ** BigInt(digits - k);
  } else {
    const divisor = 10n ** BigInt(k - digits);
    units = scaled / divisor;
    const twice = 2n * (scaled % divisor);
    if (twice > divisor || (twice === divisor && units % 2n === 1n)) units += 1n;
  }
  const text = units.toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${text.slice(whole.length)}`;
}

/** A finite double ≥ 0 as an integer mantissa and a power of two. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  // Subnormals have no implicit leading 1 and the exponent of the smallest normal.
  return biased === 0
    ? { mantissa: fraction, exponent: -1074 }
    : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}
