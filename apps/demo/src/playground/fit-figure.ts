import type { Figure } from '@neunet/viz';
import Plotly from 'plotly.js-dist-min';
import { fitLayout } from './fit-layout.js';

type Layout = Figure['layout'];
type PlotBox = HTMLElement & { data?: Figure['data']; layout?: Layout };

/** What each box was last asked to draw, so that it can be redrawn at a new width. */
const drawn = new WeakMap<HTMLElement, Layout>();
const resized = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    const box = target as PlotBox;
    const layout = drawn.get(box);
    // Purged boxes (Reset) have no data; boxes already drawn at this width need nothing.
    if (!layout || !box.data || box.layout?.width === box.clientWidth) continue;
    void Plotly.react(box, box.data, fitted(layout, box.clientWidth), CONFIG);
  }
});
const CONFIG = { displaylogo: false };

/**
 * The figures of @neunet/viz have a page's sizes (a 560 px boundary, a 1200 px network):
 * this draws them at the width of the box they are in instead (see fitLayout), and redraws
 * them when the box changes width (a window resized, a phone turned).
 */
export function drawFitted(box: HTMLElement, figure: Figure): Promise<unknown> {
  drawn.set(box, figure.layout);
  resized.observe(box);
  return Plotly.react(box, figure.data, fitted(figure.layout, box.clientWidth), CONFIG);
}

/**
 * A copy: plotly writes into the layout it draws (the axes' computed ranges), and a redraw
 * at another width must start from the figure's own.
 */
function fitted(layout: Layout, width: number): Layout {
  return fitLayout(structuredClone(layout), width);
}
