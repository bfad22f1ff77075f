import { alignedTable } from './format.js';

/** Issue 12's PyTorch 1.13 test accuracy after epochs 1, 2 and 3, measured on this machine. */
export const ISSUE_REFERENCE = [0.966, 0.98, 0.983] as const;
/** NeuNet lands within this many percentage points of PyTorch after the last epoch. */
export const PARITY_POINTS = 0.3;

/** One epoch of one implementation: test accuracy in [0, 1] and training seconds. */
export interface EpochResult {
  epoch: number;
  accuracy: number;
  seconds: number;
}

const percent = (a: number | undefined) => (a === undefined ? '–' : `${(a * 100).toFixed(2)}%`);
const points = (d: number) => `${d >= 0 ? '+' : '−'}${Math.abs(d * 100).toFixed(2)}`;

/** NeuNet and PyTorch side by side, epoch by epoch, with the issue's reference. */
export function accuracyTable(neunet: readonly EpochResult[], torch?: readonly EpochResult[]) {
  const body = neunet.map((ours, i) => {
    const theirs = torch?.[i];
    return [
      String(ours.epoch),
      percent(ours.accuracy),
      ours.seconds.toFixed(1),
      percent(theirs?.accuracy),
      theirs ? theirs.seconds.toFixed(1) : '–',
      theirs ? points(ours.accuracy - theirs.accuracy) : '–',
      percent(ISSUE_REFERENCE[i]),
    ];
  });
  return alignedTable(
    ['epoch', 'NeuNet', 's', 'PyTorch', 's', 'NeuNet − PyTorch (points)', "issue's PyTorch"],
    body,
    [true, true, true, true, true, true, true],
  );
}

/**
 * The parity check after the last epoch: NeuNet against PyTorch from this run, or against
 * the issue's figure for that epoch when PyTorch did not run.
 */
export function parityVerdict(
  neunet: readonly EpochResult[],
  torch?: readonly EpochResult[],
): { met: boolean; text: string } {
  const last = neunet.at(-1);
  if (!last) throw new Error('parityVerdict: expected at least one NeuNet epoch, got none');
  const theirs = torch?.[neunet.length - 1]?.accuracy ?? ISSUE_REFERENCE[neunet.length - 1];
  if (theirs === undefined) {
    return {
      met: false,
      text: `After epoch ${last.epoch}: NeuNet ${percent(last.accuracy)}; no PyTorch figure for that epoch to compare with.`,
    };
  }
  const source = torch ? 'PyTorch' : "the issue's PyTorch figure";
  const gap = last.accuracy - theirs;
  const met = gap >= -PARITY_POINTS / 100;
  return {
    met,
    text: `After epoch ${last.epoch}: NeuNet ${percent(last.accuracy)} against ${percent(theirs)} for ${source}, ${points(gap)} points (issue 12: at most ${PARITY_POINTS} below): ${met ? 'met' : 'missed'}.`,
  };
}
