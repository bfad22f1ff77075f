import type { Figure } from '@neunet/viz';

/** Below this a plot's axes and labels crowd; a figure drawn narrower keeps this height. */
const MIN_HEIGHT = 300;
/**
 * Narrower than this (a phone), plotly's default margins (80 px each side) and a legend at
 * the right would leave the plot itself a third of the width: margins shrink to what the
 * tick labels need and the legend goes below the plot (unless the figure places them).
 */
const NARROW = 560;
const NARROW_MARGIN = { l: 56, r: 16, t: 64, b: 56 };
/** Pixels between the plot's bottom and a legend moved below it: the x axis' ticks and title. */
const LEGEND_GAP = 60;

type Layout = Figure['layout'];

/**
 * A figure's layout drawn `width` pixels wide instead of at its own size: the height scaled
 * with the width down to MIN_HEIGHT (a square plot stays square), never above the figure's
 * own; a phone's margins and legend below NARROW. A box not laid out (0 wide) keeps the
 * figure's own size.
 */
export function fitLayout(layout: Layout, width: number): Layout {
  if (width <= 0) return layout;
  const height = layout.height ?? 450;
  const scaled = layout.width ? (height * width) / layout.width : height;
  const fitted = {
    ...layout,
    width,
    height: Math.round(Math.min(height, Math.max(MIN_HEIGHT, scaled))),
  };
  if (width >= NARROW) return fitted;
  const margin = { ...NARROW_MARGIN, ...layout.margin };
  const plotHeight = fitted.height - margin.t - margin.b;
  return {
    ...fitted,
    margin,
    // Below the x axis' tick labels and title (plotly widens the margin to hold it); the
    // position is a fraction of the plot's height.
    legend: layout.legend ?? {
      orientation: 'h',
      x: 0,
      y: -LEGEND_GAP / plotHeight,
      yanchor: 'top',
    },
  };
}
