/** The seed's node colour for layer `index` (0 = input): red rises, blue falls with depth. */
export function layerColor(index: number): string {
  const clamp = (v: number) => Math.min(255, Math.max(0, v));
  const red = clamp(50 * (index + 1));
  const green = clamp((100 * (index + 1)) % 255);
  const blue = clamp(200 - ((50 * (index + 1)) % 255));
  return `rgb(${red}, ${green}, ${blue})`;
}

/** Plotly's default categorical colours (D3 category10), one per class. */
export const CLASS_COLORS: readonly string[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

export function classColor(label: number): string {
  return CLASS_COLORS[label % CLASS_COLORS.length]!;
}

/** The network view's weight colours, which signed images (filters) share. */
export const WEIGHT_COLORS = { positive: 'green', negative: 'red' } as const;

/** Zero as white paper, large values as black ink: an MNIST digit reads as written. */
export const INK_COLORSCALE: [number, string][] = [
  [0, '#ffffff'],
  [1, '#000000'],
];

/** Negative red, zero white, positive green, the network view's edge colours. */
export const SIGNED_COLORSCALE: [number, string][] = [
  [0, WEIGHT_COLORS.negative],
  [0.5, '#ffffff'],
  [1, WEIGHT_COLORS.positive],
];
