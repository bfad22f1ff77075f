import {
  alignedTable,
  formatConsoleTable,
  formatMarkdownTable,
  formatNumber,
  gridCells,
  markdownTable,
} from './format.js';
import { describeMachine, type Machine } from './machine.js';
import type { Row, Unmeasured } from './row.js';
import type { TargetCheck } from './targets.js';
import type { HeapGrowth } from './workloads/heap.js';

/** Everything one bench run found: what latest.json holds. */
export interface BenchResult {
  machine: Machine;
  command: string;
  runsPerFigure: number;
  versions: Record<string, string>;
  rows: Row[];
  /** Figures an implementation could not produce, with why (shown in the table). */
  unmeasured?: Unmeasured[];
  /** Issue 5's and issue 12's targets, checked against these rows. */
  targets: TargetCheck[];
  heap?: HeapGrowth[];
  /** Further tables a workload adds (W6's per-kernel breakdown). */
  sections?: Section[];
  notes: string[];
}

/** A titled table, rendered after the targets. */
export interface Section {
  title: string;
  header: string[];
  body: string[][];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
}

const GRID = 'W5';

function sections(result: BenchResult) {
  const main = result.rows.filter((r) => r.workload !== GRID);
  const grid = result.rows.filter((r) => r.workload === GRID);
  const impls = [...new Set(grid.map((r) => r.impl))];
  const grids = impls.map((impl) => ({
    impl,
    ...gridCells(
      grid.filter((r) => r.impl === impl),
      'width',
      'batch',
    ),
  }));
  const heapHeader = ['implementation', 'steps', 'JS heap bytes allocated per step', 'GCs'];
  const heapBody = (result.heap ?? []).map((h) => [
    h.impl,
    String(h.steps),
    formatNumber(h.heapBytesPerStep),
    String(h.collections),
  ]);
  const targetHeader = ['target', 'measured', 'met'];
  const targetBody = result.targets.map((t) => [t.target, t.measured, t.met ? 'yes' : 'NO']);
  return { main, grids, heapHeader, heapBody, targetHeader, targetBody };
}

const HEAP_TITLE = 'Heap growth per W2 training step, once warm';
const TARGET_TITLE = 'Targets in this run';
const GRID_TITLE = 'W5: training samples/s by hidden width (rows) and batch (columns)';

/** The run as Markdown: machine, the table of figures and ratios, W5's grids, the heap. */
export function renderMarkdown(result: BenchResult): string {
  const { main, grids, heapHeader, heapBody, targetHeader, targetBody } = sections(result);
  const out = [
    '# NeuNet bench: latest results',
    '',
    `Machine: ${describeMachine(result.machine)}.`,
    `Command: \`${result.command}\`; each figure is the median of ${result.runsPerFigure} timed runs after a warm-up, with the spread (min–max). "NeuNet ×" is how many times faster each NeuNet backend was than that row, measured in the same run.`,
    '',
    formatMarkdownTable(main, result.unmeasured),
  ];
  if (targetBody.length > 0) {
    out.push('', `## ${TARGET_TITLE}`, '', markdownTable(targetHeader, targetBody));
  }
  for (const s of result.sections ?? []) {
    out.push('', `## ${s.title}`, '', markdownTable(s.header, s.body, s.numeric));
  }
  for (const g of grids) {
    out.push(
      '',
      `## ${GRID_TITLE}: ${g.impl}`,
      '',
      markdownTable(
        g.header,
        g.body,
        g.header.map((_, i) => i > 0),
      ),
    );
  }
  if (heapBody.length > 0) {
    out.push(
      '',
      `## ${HEAP_TITLE}`,
      '',
      markdownTable(heapHeader, heapBody, [false, true, true, true]),
    );
  }
  out.push('', '## Notes', '', ...result.notes.map((n) => `- ${n}`));
  out.push(
    '',
    `Versions: ${Object.entries(result.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  return `${out.join('\n')}\n`;
}

/** The same content laid out for a terminal. */
export function renderConsole(result: BenchResult): string {
  const { main, grids, heapHeader, heapBody, targetHeader, targetBody } = sections(result);
  const out = [describeMachine(result.machine), '', formatConsoleTable(main, result.unmeasured)];
  if (targetBody.length > 0) {
    out.push('', TARGET_TITLE, alignedTable(targetHeader, targetBody));
  }
  for (const s of result.sections ?? []) {
    out.push('', s.title, alignedTable(s.header, s.body, s.numeric));
  }
  for (const g of grids) {
    out.push(
      '',
      `${GRID_TITLE}: ${g.impl}`,
      alignedTable(
        g.header,
        g.body,
        g.header.map((_, i) => i > 0),
      ),
    );
  }
  if (heapBody.length > 0) {
    out.push('', HEAP_TITLE, alignedTable(heapHeader, heapBody, [false, true, true, true]));
  }
  out.push('', ...result.notes.map((n) => `* ${n}`));
  return out.join('\n');
}
