import { formatNumber, formatRatio } from './format.js';
import type { Section } from './report.js';

/** W6's two figures: a training step, and a predicted batch. */
export type Phase = 'train' | 'infer';

/**
 * Where a step's time goes, in the same kernel categories for NeuNet and PyTorch. ReLU is
 * fused into the convolution's forward on both sides' counting ("conv forward" includes
 * it); its backward is under "other kernels". "other" is the rest of the step: JS or
 * Python, the autograd engine, whatever no kernel accounts for.
 */
export const CATEGORIES = [
  'conv forward',
  'conv input grad',
  'conv kernel grad',
  'pool forward',
  'pool backward',
  'dense',
  'softmax, loss',
  'optimizer',
  'other kernels',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Seconds per step (or per predicted batch) in each category measured. */
export type Parts = Partial<Record<Category, number>>;
export type Breakdown = Record<Phase, Parts>;

/** One implementation's breakdown, named as its row in the table. */
export interface Profile {
  impl: string;
  parts: Parts;
}

const WHAT: Record<Phase, (batch: number) => string> = {
  train: (batch) => `training, ms per step of ${batch}`,
  infer: (batch) => `inference, ms per batch of ${batch}`,
};

const total = (parts: Parts) => Object.values(parts).reduce((s, v) => s + (v ?? 0), 0);
const ms = (seconds: number | undefined) =>
  seconds === undefined ? '–' : formatNumber(seconds * 1000);
const share = (seconds: number | undefined, of: number) =>
  seconds === undefined || of <= 0 ? '–' : `${Math.round((seconds / of) * 100)}%`;

/**
 * The breakdown as a table: one line per category either side measured, then the total;
 * "NeuNet ×" is how many times faster NeuNet was in that category (theirs / ours).
 */
export function breakdownSection(
  phase: Phase,
  batch: number,
  ours: Profile,
  theirs?: Profile,
): Section {
  const present = CATEGORIES.filter(
    (c) => ours.parts[c] !== undefined || theirs?.parts[c] !== undefined,
  );
  const ourTotal = total(ours.parts);
  const theirTotal = theirs ? total(theirs.parts) : 0;
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && a > 0 && b > 0 ? formatRatio(b / a) : '–';
  const line = (name: string, a: number | undefined, b: number | undefined) => [
    name,
    ms(a),
    share(a, ourTotal),
    ...(theirs ? [ms(b), share(b, theirTotal), ratio(a, b)] : []),
  ];
  return {
    title: `W6 ${WHAT[phase](batch)}, by kernel`,
    header: [
      'kernel',
      `${ours.impl} ms`,
      'share',
      ...(theirs ? [`${theirs.impl} ms`, 'share', 'NeuNet ×'] : []),
    ],
    body: [
      ...present.map((c) => line(c, ours.parts[c], theirs?.parts[c])),
      line('total', ourTotal, theirs ? theirTotal : undefined),
    ],
    numeric: [false, true, true, true, true, true],
  };
}

/**
 * A note for a missed target: the step's time on both sides and the categories where
 * NeuNet spends the most more than PyTorch (or, without PyTorch, its largest ones).
 */
export function breakdownNote(
  phase: Phase,
  batch: number,
  ours: Profile,
  theirs?: Profile,
): string {
  const unit = phase === 'train' ? `step of ${batch}` : `batch of ${batch}`;
  const head = `W6 ${phase === 'train' ? 'training' : 'inference'}: a ${unit} takes ${ms(total(ours.parts))} ms on ${ours.impl}`;
  const gaps = CATEGORIES.map((c) => ({
    c,
    gap: (ours.parts[c] ?? 0) - (theirs?.parts[c] ?? 0),
  }))
    .filter((g) => g.gap > 0)
    .sort((a, b) => b.gap - a.gap)
    .slice(0, 3);
  if (!theirs) {
    return `${head}; most of it in ${gaps.map((g) => `${g.c} (${ms(g.gap)} ms)`).join(', ')}.`;
  }
  const where =
    gaps.length === 0
      ? 'no category is slower than PyTorch'
      : `NeuNet spends more in ${gaps.map((g) => `${g.c} (+${ms(g.gap)} ms)`).join(', ')}`;
  return `${head} against ${ms(total(theirs.parts))} ms on ${theirs.impl}; ${where}.`;
}
