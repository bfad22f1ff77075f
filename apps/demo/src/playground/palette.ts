/** TensorFlow Playground's diverging colours: orange for negative, blue for positive. */
export const NEGATIVE: readonly [number, number, number] = [245, 147, 34];
export const POSITIVE: readonly [number, number, number] = [8, 119, 189];
const PAPER: readonly [number, number, number] = [255, 255, 255];

/** The same scale for Plotly: -1 orange, 0 white, +1 blue. */
export const DIVERGING_SCALE: [number, string][] = [
  [0, `rgb(${NEGATIVE.join(',')})`],
  [0.5, 'rgb(255,255,255)'],
  [1, `rgb(${POSITIVE.join(',')})`],
];

/** t in [-1, 1] (clamped) as an RGB triple on the diverging scale. */
export function diverging(t: number): [number, number, number] {
  const s = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const end = s < 0 ? NEGATIVE : POSITIVE;
  const a = Math.abs(s);
  return [0, 1, 2].map((i) => Math.round(PAPER[i]! + a * (end[i]! - PAPER[i]!))) as [
    number,
    number,
    number,
  ];
}
