import { describe, expect, it } from 'vitest';
import { accuracyTable, parityVerdict } from './accuracy-table.js';

const neunet = [
  { epoch: 1, accuracy: 0.9612, seconds: 40.04 },
  { epoch: 2, accuracy: 0.9779, seconds: 39.5 },
  { epoch: 3, accuracy: 0.9811, seconds: 41 },
];
const torch = [
  { epoch: 1, accuracy: 0.9655, seconds: 20 },
  { epoch: 2, accuracy: 0.9801, seconds: 21 },
  { epoch: 3, accuracy: 0.983, seconds: 22 },
];

describe('accuracyTable', () => {
  it('puts both implementations side by side with the difference and the issue reference', () => {
    const lines = accuracyTable(neunet, torch).split('\n');
    expect(lines[0]).toMatch(
      /^epoch +NeuNet +s +PyTorch +s +NeuNet − PyTorch \(points\) +issue's PyTorch$/,
    );
    expect(lines[2]).toMatch(/^ +1 +96\.12% +40\.0 +96\.55% +20\.0 +−0\.43 +96\.60%$/);
    expect(lines[4]).toMatch(/^ +3 +98\.11% +41\.0 +98\.30% +22\.0 +−0\.19 +98\.30%$/);
  });

  it('shows dashes where PyTorch did not run', () => {
    expect(accuracyTable(neunet.slice(0, 1)).split('\n')[2]).toMatch(
      /96\.12% +40\.0 +– +– +– +96\.60%$/,
    );
  });
});

describe('parityVerdict', () => {
  it('passes within 0.3 points of PyTorch after the last epoch', () => {
    expect(parityVerdict(neunet, torch)).toEqual({
      met: true,
      text: 'After epoch 3: NeuNet 98.11% against 98.30% for PyTorch, −0.19 points (issue 12: at most 0.3 below): met.',
    });
  });

  it('fails beyond 0.3 points, and compares with the issue figure without PyTorch', () => {
    const behind = [{ epoch: 1, accuracy: 0.96, seconds: 1 }];
    expect(parityVerdict(behind)).toEqual({
      met: false,
      text: "After epoch 1: NeuNet 96.00% against 96.60% for the issue's PyTorch figure, −0.60 points (issue 12: at most 0.3 below): missed.",
    });
  });

  it('being ahead of PyTorch passes', () => {
    expect(parityVerdict(torch, neunet).met).toBe(true);
  });
});
