import { describe, expect, it } from 'vitest';
import { fitLayout } from './fit-layout.js';

describe('fitLayout', () => {
  const boundary = { title: { text: 'Decision boundary' }, width: 560, height: 520 };

  it('draws a figure at the width given, its height scaled with it but never above its own', () => {
    expect(fitLayout(boundary, 840)).toEqual({ ...boundary, width: 840, height: 520 });
    expect(fitLayout(boundary, 560)).toEqual({ ...boundary, width: 560, height: 520 });
    // A network figure drawn for a wide page: 1200 × 800 at 600 px is 400 high.
    expect(fitLayout({ width: 1200, height: 800 }, 600)).toEqual({ width: 600, height: 400 });
  });

  it('keeps a height of 300 px at least, unless the figure asks for less', () => {
    expect(fitLayout({ width: 1200, height: 800 }, 900).height).toBe(600);
    expect(fitLayout({ width: 2000, height: 800 }, 500).height).toBe(300);
    expect(fitLayout({ width: 560, height: 200 }, 500).height).toBe(200);
  });

  it('keeps the height of a figure that gives no width, plotly’s 450 if none', () => {
    expect(fitLayout({ height: 420 }, 700)).toEqual({ width: 700, height: 420 });
    expect(fitLayout({}, 700)).toEqual({ width: 700, height: 450 });
  });

  it('gives a phone-wide figure small margins and its legend below the plot, unless it places them', () => {
    expect(fitLayout(boundary, 480).margin).toBeUndefined();
    expect(fitLayout(boundary, 342)).toEqual({
      ...boundary,
      width: 342,
      // 318 as the figure scaled, and 40 px for the legend below.
      height: 358,
      margin: { l: 56, r: 16, t: 64, b: 56 },
      // 60 px below a plot 318 - 64 - 56 = 198 px high.
      legend: { orientation: 'h', x: 0, y: -60 / 198, yanchor: 'top' },
    });
    const curves = {
      height: 420,
      margin: { b: 90 },
      legend: { orientation: 'h' as const, y: -0.2 },
      xaxis: { title: { text: 'epoch' } },
      yaxis2: { type: 'log' as const, automargin: false },
    };
    const fitted = fitLayout(curves, 342);
    expect(fitted.margin).toEqual({ l: 56, r: 16, t: 64, b: 90 });
    expect(fitted.legend).toBe(curves.legend);
    // Margins grow back to hold tick labels and axis titles, unless an axis says otherwise.
    expect(fitted.xaxis).toEqual({ automargin: true, title: { text: 'epoch' } });
    expect(fitted.yaxis2).toEqual({ type: 'log', automargin: false });
  });

  it('leaves the layout of a box not laid out (0 px wide) as it is', () => {
    expect(fitLayout(boundary, 0)).toBe(boundary);
  });
});
