/**
 * A log axis' ticks at 1, 2 and 5 times the powers of ten the values span, labelled in full
 * ("0.05", not plotly's bare "5"); every digit where a narrow range holds fewer than two of
 * those. Plotly's own ticks while there are no positive values.
 */
export function logTicks(values: readonly number[]): { tickvals?: number[]; ticktext?: string[] } {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return {};
  const low = Math.min(...positive);
  const high = Math.max(...positive);
  const ticks = (digits: readonly number[]) => {
    const found: number[] = [];
    for (let p = Math.floor(Math.log10(low)); p <= Math.ceil(Math.log10(high)); p++) {
      for (const d of digits) {
        const v = Number((d * 10 ** p).toPrecision(1));
        if (v >= low && v <= high) found.push(v);
      }
    }
    return found;
  };
  let tickvals = ticks([1, 2, 5]);
  if (tickvals.length < 2) tickvals = ticks([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  return { tickvals, ticktext: tickvals.map(String) };
}
