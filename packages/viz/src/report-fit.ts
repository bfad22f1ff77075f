import type { Layout } from 'plotly.js';

// Both functions run in the report page as their own source text (`toString`), so that the
// page and the tests run the same code: they use nothing from outside but each other.

/**
 * The report's layout rule for a figure given the pixel width of the page's row: a figure
 * wider than that is drawn that wide, the text inside it scaled down alike; a long title is broken into lines; on a narrow
 * screen (under 600 px) the margins shrink and the legend goes below the plot; and a grid
 * of panels (curves, histograms, weight matrices) drops to fewer columns, and grows
 * taller, when each would be narrower than 260 px, so that a phone shows them one above
 * the other. Figures that set their own margins (image grids place things in pixels) are
 * left as they are, to scroll inside their panel.
 */
export function fitLayout(original: Partial<Layout>, width: number): Partial<Layout> {
  const MIN_PANEL = 260;
  const NARROW = 600;
  // Characters of a title line per pixel, at plotly's 17 px title font.
  const CHARS_PER_PIXEL = 1 / 8.5;
  const layout: Partial<Layout> = { ...original };
  // A figure that places things in pixels (its own margins: an image grid) keeps its size
  // and scrolls inside its panel; squeezed, its titles would run into each other.
  if (original.margin) return layout;
  if (layout.width !== undefined && layout.width > width) {
    // Text inside the plot (a confusion matrix's counts) shrinks with it, to 8 px at least.
    const scale = width / layout.width;
    layout.width = width;
    layout.annotations = layout.annotations?.map((a) =>
      a.font?.size
        ? { ...a, font: { ...a.font, size: Math.max(8, Math.round(a.font.size * scale)) } }
        : a,
    );
  }
  const drawn = layout.width ?? width;
  const title = layout.title?.text;
  const lines = title ? wrapTitle(title, Math.floor(drawn * CHARS_PER_PIXEL)) : [];
  // Hung from the top, so that more lines push the plot down rather than run into it.
  if (lines.length > 1) {
    layout.title = {
      ...layout.title,
      text: lines.join('<br>'),
      yref: 'container',
      y: 1,
      yanchor: 'top',
      pad: { t: 14, r: 0, b: 0, l: 0 },
    };
  }
  const top = 40 + 22 * lines.length;
  if (drawn < NARROW) {
    layout.margin = { l: 50, r: 20, t: top, b: 60 };
    // Labels a narrow plot turns on their side take the room they need, not the margin's.
    for (const key of Object.keys(layout).filter((k) => /^[xy]axis\d*$/.test(k))) {
      (layout as Record<string, unknown>)[key] = {
        ...(layout as Record<string, object>)[key],
        automargin: true,
      };
    }
    if (layout.legend?.orientation !== 'h') {
      // Below the axis labels, which a narrow plot turns on their side: 100 px down.
      const plot = Math.max(100, (layout.height ?? 450) - top - 60);
      const y = -Math.min(0.5, 100 / plot);
      layout.legend = { ...layout.legend, orientation: 'h', x: 0, y, yanchor: 'top' };
    }
  } else if (lines.length > 1) layout.margin = { t: top };
  const grid = layout.grid;
  if (!grid?.columns || !grid.rows || grid.columns < 2 || drawn >= grid.columns * MIN_PANEL) {
    return layout;
  }
  const panels = Object.keys(layout).filter((key) => /^xaxis\d*$/.test(key)).length;
  const columns = Math.max(1, Math.floor(drawn / MIN_PANEL));
  const rows = Math.ceil(panels / columns);
  const rowHeight = ((layout.height ?? 450) - 80) / grid.rows;
  layout.grid = { ...grid, rows, columns, ygap: 0.35 };
  layout.height = Math.round(rows * rowHeight + 80);
  return layout;
}

/** A title's lines (plotly does not wrap titles): each `<br>` line broken at spaces to fit. */
export function wrapTitle(text: string, chars: number): string[] {
  return text.split('<br>').flatMap((line) => {
    const out = [''];
    for (const word of line.split(' ')) {
      const last = out.length - 1;
      if (out[last] && out[last].length + word.length + 1 > chars) out.push(word);
      else out[last] = out[last] ? `${out[last]} ${word}` : word;
    }
    return out;
  });
}
