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
