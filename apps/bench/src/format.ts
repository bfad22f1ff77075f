import { neunetBackend, type Row, type Unmeasured } from './row.js';

/** Three significant figures, thousands grouped: 44,000 · 139 · 15.7 · 0.531. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`formatNumber: expected a finite number, got ${v}`);
  const abs = Math.abs(v);
  if (abs >= 100 || v === 0) return Math.round(v).toLocaleString('en-US');
  const digits = abs >= 10 ? 1 : abs >= 1 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(abs)));
  return v.toFixed(digits);
}

export function formatRatio(r: number): string {
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}×`;
}

function ratioCell(row: Row): string {
  const entries = Object.entries(row.ratios ?? {});
  return entries.map(([impl, r]) => `${neunetBackend(impl)} ${formatRatio(r)}`).join(' · ');
}

const HEADER = ['workload', 'case', 'implementation', 'median', 'min–max', 'unit', 'NeuNet ×'];
/** Which columns hold numbers (right-aligned). */
const NUMERIC = [false, false, false, true, true, false, false];

function cells(row: Row): string[] {
  const { median, min, max } = row.stats;
  return [
    row.workload,
    row.case,
    row.impl,
    formatNumber(median),
    `${formatNumber(min)}–${formatNumber(max)}`,
    row.unit,
    ratioCell(row),
  ];
}

function unmeasuredCells(u: Unmeasured): string[] {
  return [u.workload, u.case, u.impl, '–', '–', u.unit, u.reason];
}

/**
 * The table's lines: every row, and each unmeasured figure after the last row of its
 * workload and case (at the end when it has none), so that it reads beside its peers.
 */
function body(rows: readonly Row[], unmeasured: readonly Unmeasured[]): string[][] {
  const lines: { workload: string; case: string; cells: string[] }[] = rows.map((r) => ({
    workload: r.workload,
    case: r.case,
    cells: cells(r),
  }));
  for (const u of unmeasured) {
    const line = { workload: u.workload, case: u.case, cells: unmeasuredCells(u) };
    let at = lines.length;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.workload === u.workload && lines[i]!.case === u.case) at = i + 1;
    }
    lines.splice(at, 0, line);
  }
  return lines.map((l) => l.cells);
}

/** A plain-text table with aligned columns for the console. */
export function formatConsoleTable(
  rows: readonly Row[],
  unmeasured: readonly Unmeasured[] = [],
): string {
  return alignedTable(HEADER, body(rows, unmeasured), NUMERIC);
}

/** A GitHub-flavoured Markdown table of the same columns. */
export function formatMarkdownTable(
  rows: readonly Row[],
  unmeasured: readonly Unmeasured[] = [],
): string {
  return markdownTable(HEADER, body(rows, unmeasured), NUMERIC);
}

/**
 * Rows of one implementation of a grid workload laid out as a matrix: one line per value
 * of `down`, one column per value of `across`, each cell the median.
 */
export function gridCells(
  rows: readonly Row[],
  down: string,
  across: string,
): { header: string[]; body: string[][] } {
  const values = (key: string) =>
    [...new Set(rows.map((r) => param(r, key)))].sort((a, b) => a - b);
  const downs = values(down);
  const acrosses = values(across);
  const header = [`${down} \\ ${across}`, ...acrosses.map(String)];
  const body = downs.map((d) => [
    String(d),
    ...acrosses.map((a) => {
      const cell = rows.find((r) => param(r, down) === d && param(r, across) === a);
      return cell ? formatNumber(cell.stats.median) : '–';
    }),
  ]);
  return { header, body };
}

function param(row: Row, key: string): number {
  const v = row.params?.[key];
  if (v === undefined) {
    throw new Error(`gridCells: row '${row.impl} ${row.case}' has no parameter '${key}'`);
  }
  return v;
}

export function alignedTable(
  header: readonly string[],
  body: readonly (readonly string[])[],
  numeric: readonly boolean[] = [],
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((v, c) => (numeric[c] ? v.padStart(widths[c]!) : v.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function markdownTable(
  header: readonly string[],
  body: readonly (readonly string[])[],
  numeric: readonly boolean[] = [],
): string {
  const escapePipes = (v: string) => v.replaceAll('|', '\\|');
  const line = (r: readonly string[]) => `| ${r.map(escapePipes).join(' | ')} |`;
  const rule = `|${header.map((_, c) => (numeric[c] ? '---:' : '---')).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}
