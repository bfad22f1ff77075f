/**
 * Probabilities are clipped to [CLIP_LOW, CLIP_HIGH] before a log, as in the seed, so that
 * a confident wrong answer costs −log(1e-7) ≈ 16.1 instead of infinity. Where clipping is
 * active the loss is flat, so the gradient there is 0.
 */
export const CLIP_LOW = 1e-7;
export const CLIP_HIGH = 1 - 1e-7;

export function clip(p: number): number {
  return Math.min(Math.max(p, CLIP_LOW), CLIP_HIGH);
}

export function inClipRange(p: number): boolean {
  return p >= CLIP_LOW && p <= CLIP_HIGH;
}
