import { checkOptions, optionKeys } from '@neunet/options';
import type { Figure } from './figure.js';
import { fitLayout, wrapTitle } from './report-fit.js';

/** A table of the report: a title, column headers and rows of cells. */
export interface ReportTable {
  title: string;
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
}

export interface ReportOptions {
  /** The page title and heading. */
  title: string;
  /** Drawn in order, each in its own panel. */
  figures: readonly Figure[];
  /** Shown above the figures. */
  tables?: readonly ReportTable[];
}

export const REPORT_OPTIONS = optionKeys<ReportOptions>()(['title', 'figures', 'tables']);

/**
 * One HTML page that draws `figures` with the plotly.js source given, inlined, so that the
 * file opens offline. Pure: `writeReport` supplies plotly.js and writes the file.
 */
export function reportHtml(options: ReportOptions, plotlySource: string): string {
  checkOptions('reportHtml', options, REPORT_OPTIONS);
  const { title, figures, tables = [] } = options;
  if (typeof title !== 'string') throw new Error('writeReport: title must be a string');
  tables.forEach((table, t) => {
    table.rows.forEach((row, r) => {
      if (row.length !== table.columns.length) {
        throw new Error(
          `writeReport: table ${t} ('${table.title}') row ${r} has ${row.length} cells; expected ${table.columns.length}, one per column`,
        );
      }
    });
  });
  const tablesHtml = tables
    .map(
      (
        table,
      ) => `<section class="panel"><h2>${escapeHtml(table.title)}</h2><div class="scroll"><table>
<thead><tr>${table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>
<tbody>${table.rows
        .map(
          (row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`,
        )
        .join('\n')}</tbody></table></div></section>`,
    )
    .join('\n');
  // Figures of a fixed width share rows; those that take the page's width get a row each.
  const figuresHtml = figures
    .map(
      (figure, i) =>
        `<section class="panel${figure.layout.width === undefined ? ' wide' : ''}"><div id="figure-${i}"></div></section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0 auto; padding: 1.5rem; max-width: 1280px; background: #f5f6f8; color: #222; }
h1 { font-weight: 600; overflow-wrap: anywhere; }
.panel { background: white; border-radius: 8px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.12); margin: 1rem 0; padding: 1rem; box-sizing: border-box; max-width: 100%; min-width: 0; overflow-x: auto; }
.panel h2 { font-size: 1.05rem; margin: 0 0 0.6rem; }
.row { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
.row .panel { margin: 0; }
.row .panel.wide { flex-basis: 100%; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 0.25rem 0.9rem; text-align: right; border-bottom: 1px solid #e3e5e8; }
th:first-child, td:first-child { text-align: left; }
@media (max-width: 640px) {
  body { padding: 0.5rem; }
  .row { gap: 0.5rem; }
  .panel { padding: 0.5rem; flex-basis: 100%; }
  th, td { padding: 0.2rem 0.45rem; }
}
</style>
<script>${scriptSafe(plotlySource)}</script>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="row">
${tablesHtml}
</div>
<div class="row">
${figuresHtml}
</div>
<script>
const figures = ${scriptSafe(JSON.stringify(figures))};
${wrapTitle.toString()}
const fit = ${fitLayout.toString()};
const draw = (plot) => figures.forEach((figure, i) => {
  const element = document.getElementById('figure-' + i);
  // The row's width less the panel's padding: a fixed-width figure's panel has no width of its own before it is drawn.
  const panel = getComputedStyle(element.parentElement);
  const width = element.parentElement.parentElement.clientWidth - parseFloat(panel.paddingLeft) - parseFloat(panel.paddingRight);
  plot(element, figure.data, fit(figure.layout, Math.floor(width)), { responsive: true, displaylogo: false });
});
draw(Plotly.newPlot);
let resized;
addEventListener('resize', () => {
  clearTimeout(resized);
  resized = setTimeout(() => draw(Plotly.react), 150);
});
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text that cannot end the <script> element it sits in: `</script` becomes `<\/script`,
 * which means the same in JavaScript strings, templates and regular expressions.
 */
function scriptSafe(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1');
}
