import type { Data, Layout } from 'plotly.js';

/**
 * A Plotly figure as plain data: render it with `Plotly.newPlot(element, figure.data,
 * figure.layout)` in a browser, or put it in a report with `writeReport`.
 */
export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
}
