import type { Figure } from '@neunet/viz';

/** Below this a plot's axes and labels crowd; a figure drawn narrower keeps this height. */
const MIN_HEIGHT = 300;
/**
 * Narrower than this (a phone), plotly's default margins (80 px each side) and a legend at
 * the right would leave the plot itself a third of the width: margins shrink, growing back
 * as far as the axes' tick labels and titles need, and the legend goes below the plot
 * (unless the figure places them).
 */
const NARROW = 480;
const NARROW_MARGIN = { l: 56, r: 16, t: 64, b: 56 };
/** Pixels between the plot's bottom and a legend moved below it: the x axis' ticks and title. */
const LEGEND_GAP = 60;
/** Pixels a figure grows by to hold a legend moved below it (a row or two of entries). */
const LEGEND_ROOM = 40;

type Layout = Figure['layout'];

/**
 * A figure's layout drawn `width` pixels wide instead of at its own size: the height scaled
 * with the width down to MIN_HEIGHT (a square plot stays square), never above the figure's
 * own; a phone's margins and legend below NARROW. A box not laid out (0 wide) keeps the
 * figure's own size.
 */
export function fitLayout(layout: Layout, width: number): Layout {
  if (width <= 0) return layout;
  const own = layout.height ?? 450;
  const scaled = layout.width ? (own * width) / layout.width : own;
  const height = Math.round(Math.min(own, Math.max(MIN_HEIGHT, scaled)));
  if (width >= NARROW) return { ...layout, width, height };

  const margin = { ...NARROW_MARGIN, ...layout.margin };
  const axes = Object.entries(layout)
    .filter(([key]) => /^[xy]axis\d*$/.test(key))
    .map(([key, axis]) => [key, { automargin: true, ...(axis as object) }]);
  const narrow = { ...layout, ...Object.fromEntries(axes), width, height, margin };
  if (layout.legend) return narrow;
  // Below the x axis' tick labels and title, as a fraction of the plot's height; the
  // figure grows to hold it.
  const below = LEGEND_GAP / (height - margin.t - margin.b);
  return {
    ...narrow,
    height: height + LEGEND_ROOM,
    legend: { orientation: 'h', x: 0, y: -below, yanchor: 'top' },
  };
}
