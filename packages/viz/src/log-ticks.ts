/** Tick positions and labels for a logarithmic axis. */
export interface LogTicks {
  tickvals: number[];
  ticktext: string[];
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * Ticks for a log axis over [min, max] (both > 0): the decades when three or more fall in
 * the range, else 1-2-5 steps, else 1 to 9 steps, so that every label is a round number.
 * Plotly's own log ticks label the minor steps with bare digits ("5", "2", "0.1", "5"),
 * which read as a different scale.
 */
export function logAxisTicks(min: number, max: number): LogTicks {
  if (!(min > 0 && max >= min && Number.isFinite(max))) {
    throw new Error(`logAxisTicks: range [${min}, ${max}]; expected 0 < min <= max < Infinity`);
  }
  const lo = Math.floor(Math.log10(min) + 1e-9);
  const hi = Math.ceil(Math.log10(max) - 1e-9);
  let ticks: number[] = [];
  for (const steps of [[1], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
    ticks = [];
    for (let k = lo; k <= hi; k++) {
      for (const s of steps) {
        const value = Number((s * 10 ** k).toPrecision(1));
        if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) ticks.push(value);
      }
    }
    if (ticks.length >= 3) break;
  }
  // Within two steps of 1 to 9 (say 0.52 to 0.58): the bounds too, to two digits.
  if (ticks.length < 2) {
    ticks = [...new Set([Number(min.toPrecision(2)), ...ticks, Number(max.toPrecision(2))])];
  }
  return { tickvals: ticks, ticktext: ticks.map(formatTick) };
}

/** 0.001 to 10000 as written; beyond, `2×10⁻⁵`, `10⁶`. */
function formatTick(value: number): string {
  const exponent = Math.floor(Math.log10(value) + 1e-9);
  if (exponent >= -3 && exponent <= 4) return String(value);
  const mantissa = Number((value / 10 ** exponent).toPrecision(2));
  const power = `10${String(exponent)
    .replace(/-/, '⁻')
    .replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!)}`;
  return mantissa === 1 ? power : `${mantissa}×${power}`;
}

/** The smallest and largest positive finite values, or undefined when there is none. */
export function positiveRange(values: Iterable<number>): [number, number] | undefined {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return hi > 0 ? [lo, hi] : undefined;
}
