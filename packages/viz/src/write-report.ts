import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { checkOptions } from '@neunet/options';
import { REPORT_OPTIONS, type ReportOptions, reportHtml } from './report-html.js';

/**
 * Writes `options` as one self-contained HTML page (plotly.js inlined from the installed
 * `plotly.js-dist-min`, so that it opens without a network) and returns its absolute path.
 */
export async function writeReport(path: string, options: ReportOptions): Promise<string> {
  checkOptions('writeReport', options, REPORT_OPTIONS);
  const file = resolve(path);
  await writeFile(file, reportHtml(options, await plotlySource()));
  return file;
}

async function plotlySource(): Promise<string> {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve('plotly.js-dist-min');
  } catch {
    throw new Error(
      'writeReport: cannot find plotly.js-dist-min, which the report inlines; install it next to @neunet/viz (npm install plotly.js-dist-min)',
    );
  }
  return readFile(entry, 'utf8');
}
