/**
 * The Node.js-only part of `@neunet/viz`: write an offline HTML report.
 *
 * @module @neunet/viz/node
 */
export type { ReportOptions, ReportTable } from './report-html.js';
export { writeReport } from './write-report.js';
