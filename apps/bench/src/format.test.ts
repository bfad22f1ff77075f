import { describe, expect, it } from 'vitest';
import {
  alignedTable,
  formatConsoleTable,
  formatMarkdownTable,
  formatNumber,
  formatRatio,
  gridCells,
  markdownTable,
} from './format.js';
import { type Row, withRatios } from './row.js';
import { summarize } from './stats.js';

const rows: Row[] = [
  {
    workload: 'W2',
    case: 'train',
    impl: 'NeuNet js',
    unit: 'samples/s',
    higherIsBetter: true,
    stats: summarize([3000, 2900, 3100]),
  },
  {
    workload: 'W2',
    case: 'train',
    impl: 'tfjs wasm',
    unit: 'samples/s',
    higherIsBetter: true,
    stats: summarize([1000, 1500, 1200]),
  },
  {
    workload: 'W4',
    case: 'latency',
    impl: 'NeuNet js',
    unit: 'µs',
    higherIsBetter: false,
    stats: summarize([50]),
  },
  {
    workload: 'W4',
    case: 'latency',
    impl: 'onnxruntime',
    unit: 'µs',
    higherIsBetter: false,
    stats: summarize([10]),
  },
];

describe('formatNumber', () => {
  it('keeps three significant figures and groups thousands', () => {
    expect([44123.4, 139.4, 15.74, 1.234, 0.5312, 0.001234, 0].map(formatNumber)).toEqual([
      '44,123',
      '139',
      '15.7',
      '1.23',
      '0.531',
      '0.00123',
      '0',
    ]);
  });

  it('rejects a non-finite figure', () => {
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});

describe('formatRatio', () => {
  it('shows small ratios with two decimals and large ones whole', () => {
    expect([0.123, 2.46, 12.4].map(formatRatio)).toEqual(['0.12×', '2.5×', '12×']);
  });
});

describe('withRatios', () => {
  it('compares every row with the NeuNet rows of the same workload and case', () => {
    const [ours, tfjs, latency, ort] = withRatios(rows);
    expect(ours!.ratios).toBeUndefined();
    expect(tfjs!.ratios).toEqual({ 'NeuNet js': 2.5 });
    expect(latency!.ratios).toBeUndefined();
    // A time: onnxruntime's 10 µs against NeuNet's 50 µs is NeuNet 0.2× as fast.
    expect(ort!.ratios).toEqual({ 'NeuNet js': 0.2 });
  });

  it('compares NeuNet backends with each other', () => {
    const wasm = { ...rows[0]!, impl: 'NeuNet wasm', stats: summarize([12000]) };
    const [js] = withRatios([rows[0]!, wasm]);
    expect(js!.ratios).toEqual({ 'NeuNet wasm': 4 });
  });
});

describe('tables', () => {
  it('lays the rows out in aligned columns, numbers right-aligned', () => {
    const text = formatConsoleTable(withRatios(rows.slice(0, 2)));
    expect(text.split('\n')).toEqual([
      'workload  case   implementation  median      min–max  unit       NeuNet ×',
      '--------  -----  --------------  ------  -----------  ---------  --------',
      'W2        train  NeuNet js        3,000  2,900–3,100  samples/s',
      'W2        train  tfjs wasm        1,200  1,000–1,500  samples/s  js 2.5×',
    ]);
  });

  it('writes the same rows as a Markdown table with right-aligned number columns', () => {
    const md = formatMarkdownTable(withRatios(rows.slice(2)));
    expect(md.split('\n')).toEqual([
      '| workload | case | implementation | median | min–max | unit | NeuNet × |',
      '|---|---|---|---:|---:|---|---|',
      '| W4 | latency | NeuNet js | 50.0 | 50.0–50.0 | µs |  |',
      '| W4 | latency | onnxruntime | 10.0 | 10.0–10.0 | µs | js 0.20× |',
    ]);
  });

  it('puts a figure that could not be measured after the last row of its case, with why', () => {
    const unmeasured = {
      workload: 'W2',
      case: 'train',
      impl: 'tfjs cpu',
      unit: 'samples/s',
      reason: 'cannot train: no kernel',
    };
    const md = formatMarkdownTable(withRatios(rows), [unmeasured]);
    expect(md.split('\n').slice(2, 5)).toEqual([
      '| W2 | train | NeuNet js | 3,000 | 2,900–3,100 | samples/s |  |',
      '| W2 | train | tfjs wasm | 1,200 | 1,000–1,500 | samples/s | js 2.5× |',
      '| W2 | train | tfjs cpu | – | – | samples/s | cannot train: no kernel |',
    ]);
    const alone = formatConsoleTable([], [{ ...unmeasured, case: 'other' }]);
    expect(alone.split('\n')[2]).toMatch(/^W2 +other +tfjs cpu +– +– +samples\/s +cannot train/);
  });

  it('escapes pipes inside Markdown cells', () => {
    expect(markdownTable(['a'], [['x|y']])).toContain('| x\\|y |');
  });

  it('pads a short cell against the widest one', () => {
    expect(alignedTable(['n'], [['1'], ['100']], [true])).toBe('  n\n---\n  1\n100');
  });
});

describe('gridCells', () => {
  const cell = (width: number, batch: number, value: number): Row => ({
    ...rows[0]!,
    case: `${width}/${batch}`,
    stats: summarize([value]),
    params: { width, batch },
  });

  it('lays a grid out by two parameters, sorted, with a dash for a missing cell', () => {
    const grid = gridCells(
      [cell(256, 1, 10), cell(64, 1, 30), cell(64, 32, 400)],
      'width',
      'batch',
    );
    expect(grid).toEqual({
      header: ['width \\ batch', '1', '32'],
      body: [
        ['64', '30.0', '400'],
        ['256', '10.0', '–'],
      ],
    });
  });

  it('names a row that lacks a grid parameter', () => {
    expect(() => gridCells([rows[0]!], 'width', 'batch')).toThrow(
      /'NeuNet js train' has no parameter 'width'/,
    );
  });
});
