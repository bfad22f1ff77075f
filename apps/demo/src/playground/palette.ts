import { classColor } from '@neunet/viz';

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

/** A class's colour as an RGB triple, from the report's class colours. */
export function classRgb(label: number): [number, number, number] {
  const hex = classColor(label);
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * The colour of one output row over the plane: for two classes p(class 1) on the diverging
 * scale from class 0's side to class 1's; for more, the likeliest class's colour faded by
 * its probability; for regression the value on the diverging scale over `range`.
 */
export function outputColor(
  row: ArrayLike<number>,
  classes: number,
  range: number,
): [number, number, number] {
  if (classes === 0) return diverging(row[0]! / range);
  if (classes === 2) return blend(classRgb(0), classRgb(1), row[1]!);
  let best = 0;
  for (let k = 1; k < row.length; k++) if (row[k]! > row[best]!) best = k;
  return blend(PAPER, classRgb(best), 0.25 + 0.5 * row[best]!);
}

/** Two colours mixed through white: t = 0 is `a`, 0.5 white, 1 `b`, paler than either end. */
function blend(a: readonly number[], b: readonly number[], t: number): [number, number, number] {
  const s = 2 * t - 1;
  const end = s < 0 ? a : b;
  const k = 0.6 * Math.abs(s);
  return [0, 1, 2].map((i) => Math.round(PAPER[i]! + k * (end[i]! - PAPER[i]!))) as [
    number,
    number,
    number,
  ];
}
