export type { ReportOptions, ReportTable } from './report-html.js';
export { writeReport } from './write-report.js';
