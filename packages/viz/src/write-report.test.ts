import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confusionMatrixFigure } from './confusion-matrix.js';
import { fitLayout, wrapTitle } from './report-fit.js';
import { reportHtml } from './report-html.js';
import { writeReport } from './write-report.js';

const figure = confusionMatrixFigure([
  [3, 1],
  [2, 4],
]);

describe('writeReport', () => {
  it('writes one HTML file with plotly.js inlined, the figures and the tables', async () => {
    const path = join(tmpdir(), `neunet-report-${process.pid}.html`);
    const written = await writeReport(path, {
      title: 'Run <1>',
      figures: [figure],
      tables: [{ title: 'Metrics', columns: ['metric', 'value'], rows: [['accuracy', 0.75]] }],
    });
    expect(written).toBe(path);
    const html = await readFile(path, 'utf8');
    const plotly = await readFile(
      join(import.meta.dirname, '../node_modules/plotly.js-dist-min/plotly.min.js'),
      'utf8',
    );
    expect(html).toContain(plotly.slice(0, 2000));
    expect(html).toContain(plotly.slice(-2000));
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain(JSON.stringify(figure.data));
    expect(html).toContain("document.getElementById('figure-' + i)");
    expect(html).toContain('draw(Plotly.newPlot);');
    expect(html).toContain('<td>accuracy</td><td>0.75</td>');
    expect(html).toContain('<title>Run &#60;1&#62;</title>');
  });

  it('fits narrow screens: viewport, tables that scroll in their own box, figures fitted to the row', () => {
    const html = reportHtml(
      {
        title: 't',
        figures: [figure],
        tables: [{ title: 'Metrics', columns: ['metric', 'value'], rows: [['accuracy', 0.75]] }],
      },
      '',
    );
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<div class="scroll"><table>[\s\S]*<\/table><\/div>/);
    expect(html).toMatch(/\.scroll \{ overflow-x: auto;/);
    expect(html).toContain('@media (max-width: 640px)');
    // The layout rule runs in the page from its own source, and again on resize.
    expect(html).toContain(`const fit = ${fitLayout.toString()};`);
    expect(html).toContain(wrapTitle.toString());
    expect(html).toContain("addEventListener('resize'");
  });

  it('keeps figure text from closing the script element', () => {
    const html = reportHtml(
      { title: 't', figures: [{ data: [], layout: { title: { text: '</script><b>' } } }] },
      '',
    );
    expect(html).not.toContain('</script><b>');
    expect(html).toContain('<\\/script><b>');
  });

  it('names a table row that does not match the columns', () => {
    expect(() =>
      reportHtml(
        { title: 't', figures: [], tables: [{ title: 'm', columns: ['a'], rows: [[1, 2]] }] },
        '',
      ),
    ).toThrow(/table 0 \('m'\) row 0 has 2 cells; expected 1/);
  });
});
