import { describe, expect, it } from 'vitest';
import { machine } from './machine.js';
import { type BenchResult, renderConsole, renderMarkdown } from './report.js';
import { withRatios } from './row.js';
import { summarize } from './stats.js';

const result: BenchResult = {
  machine: { ...machine(new Date('2026-01-02T03:04:05Z')), cpu: 'Test CPU 9000', cores: 2 },
  command: 'pnpm bench --quick',
  runsPerFigure: 3,
  versions: { numpy: '2.4.6' },
  rows: withRatios([
    {
      workload: 'W2',
      case: 'train',
      impl: 'NeuNet js',
      unit: 'samples/s',
      higherIsBetter: true,
      stats: summarize([3000, 2000, 4000]),
    },
    {
      workload: 'W2',
      case: 'train',
      impl: 'numpy',
      unit: 'samples/s',
      higherIsBetter: true,
      stats: summarize([6000]),
    },
    ...[1, 32].map((batch) => ({
      workload: 'W5',
      case: `w64 b${batch}`,
      impl: 'NeuNet js',
      unit: 'samples/s',
      higherIsBetter: true,
      stats: summarize([batch * 100]),
      params: { width: 64, batch },
    })),
  ]),
  targets: [{ target: 'W2: at least 0.7× numpy', measured: '0.50×', met: false }],
  heap: [
    {
      impl: 'NeuNet js',
      steps: 1024,
      heapBytesPerStep: 0.5,
      collections: 0,
    },
  ],
  unmeasured: [
    { workload: 'W2', case: 'train', impl: 'tfjs wasm', unit: 'samples/s', reason: 'cannot train' },
  ],
  sections: [
    {
      title: 'A breakdown',
      header: ['kernel', 'ms'],
      body: [['conv', '1.50']],
      numeric: [false, true],
    },
  ],
  notes: ['A note.'],
};

describe('renderMarkdown', () => {
  const md = renderMarkdown(result);

  it('names the machine: CPU, cores, Node version and date', () => {
    expect(md).toContain(
      `Machine: Test CPU 9000, 2 cores, ${result.machine.memoryGiB} GiB, ${result.machine.platform}, Node ${process.version}, 2026-01-02T03:04:05.000Z.`,
    );
  });

  it('puts W1–W4 in the main table with ratios and W5 in its own grid', () => {
    expect(md).toContain('| W2 | train | numpy | 6,000 | 6,000–6,000 | samples/s | js 0.50× |');
    expect(md).not.toContain('| W5 |');
    expect(md).toContain('| width \\ batch | 1 | 32 |\n|---|---:|---:|\n| 64 | 100 | 3,200 |');
  });

  it('lists the targets and whether each was met', () => {
    expect(md).toContain('## Targets in this run');
    expect(md).toContain('| W2: at least 0.7× numpy | 0.50× | NO |');
  });

  it("shows an unmeasured figure in the table and a workload's own sections", () => {
    expect(md).toContain('| W2 | train | tfjs wasm | – | – | samples/s | cannot train |');
    expect(md).toContain('## A breakdown\n\n| kernel | ms |\n|---|---:|\n| conv | 1.50 |');
  });

  it('reports the heap growth and the notes', () => {
    expect(md).toContain('| NeuNet js | 1024 | 0.500 | 0 |');
    expect(md).toContain('- A note.');
    expect(md).toContain('Versions: numpy 2.4.6.');
  });
});

describe('renderConsole', () => {
  it('shows the same figures as aligned text', () => {
    const text = renderConsole(result);
    expect(text).toContain('Test CPU 9000, 2 cores');
    expect(text).toMatch(/W2 +train +numpy +6,000 +6,000–6,000 +samples\/s +js 0\.50×/);
    expect(text).toMatch(/64 +100 +3,200/);
    expect(text).toMatch(/A breakdown\nkernel +ms\n-+ +-+\nconv +1\.50/);
  });
});
