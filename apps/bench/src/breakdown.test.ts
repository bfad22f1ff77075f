import { describe, expect, it } from 'vitest';
import { breakdownNote, breakdownSection, type Profile } from './breakdown.js';

const ours: Profile = {
  impl: 'NeuNet wasm',
  parts: { 'conv forward': 0.003, 'conv kernel grad': 0.004, optimizer: 0.0005, other: 0.0005 },
};
const theirs: Profile = {
  impl: 'PyTorch 1 thread',
  parts: { 'conv forward': 0.002, 'conv kernel grad': 0.001, 'pool forward': 0.001, other: 0.001 },
};

describe('breakdownSection', () => {
  it('lists every category either side measured, in the fixed order, with shares and ratios', () => {
    const section = breakdownSection('train', 64, ours, theirs);
    expect(section.title).toBe('W6 training, ms per step of 64, by kernel');
    expect(section.header).toEqual([
      'kernel',
      'NeuNet wasm ms',
      'share',
      'PyTorch 1 thread ms',
      'share',
      'NeuNet ×',
    ]);
    expect(section.body).toEqual([
      ['conv forward', '3.00', '38%', '2.00', '40%', '0.67×'],
      ['conv kernel grad', '4.00', '50%', '1.00', '20%', '0.25×'],
      ['pool forward', '–', '–', '1.00', '20%', '–'],
      ['optimizer', '0.500', '6%', '–', '–', '–'],
      ['other', '0.500', '6%', '1.00', '20%', '2.0×'],
      ['total', '8.00', '100%', '5.00', '100%', '0.63×'],
    ]);
  });

  it('shows NeuNet alone when PyTorch did not run', () => {
    const section = breakdownSection('infer', 256, ours);
    expect(section.title).toBe('W6 inference, ms per batch of 256, by kernel');
    expect(section.header).toEqual(['kernel', 'NeuNet wasm ms', 'share']);
    expect(section.body.at(-1)).toEqual(['total', '8.00', '100%']);
  });
});

describe('breakdownNote', () => {
  it('names the categories where NeuNet spends the most more, largest first', () => {
    expect(breakdownNote('train', 64, ours, theirs)).toBe(
      'W6 training: a step of 64 takes 8.00 ms on NeuNet wasm against 5.00 ms on PyTorch 1 thread; NeuNet spends more in conv kernel grad (+3.00 ms), conv forward (+1.00 ms), optimizer (+0.500 ms).',
    );
  });

  it('names the largest categories when there is nothing to compare with', () => {
    expect(breakdownNote('infer', 256, ours)).toBe(
      'W6 inference: a batch of 256 takes 8.00 ms on NeuNet wasm; most of it in conv kernel grad (4.00 ms), conv forward (3.00 ms), optimizer (0.500 ms).',
    );
  });
});
