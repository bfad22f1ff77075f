import { Rng, Tensor } from '@neunet/tensor';

/** Points in the plane with a real-valued target each. */
export interface PlaneRegression {
  /** [N, 2]. */
  X: Tensor;
  /** [N, 1]. */
  y: Tensor;
}

export interface PlaneRegressionOptions {
  /** Total points, an integer >= 1. */
  samples: number;
  /** Standard deviation of the Gaussian noise added to each target. Default 0. */
  noise?: number;
  seed?: number;
}

/** The bumps of `makeGaussians`: centre, height (a sign and a size) and width. */
export const GAUSSIAN_BUMPS = [
  { at: [-0.5, 0.5], height: 1, sigma: 0.3 },
  { at: [0.5, 0.5], height: -1, sigma: 0.3 },
  { at: [0.5, -0.5], height: 1, sigma: 0.3 },
  { at: [-0.5, -0.5], height: -1, sigma: 0.3 },
  { at: [0, 0], height: 0.6, sigma: 0.2 },
] as const;

/** y = (x₁ + x₂) / 2 + noise·N(0, 1) for x uniform in [-1, 1)²: the targets lie in [-1, 1]. */
export function makePlane(options: PlaneRegressionOptions): PlaneRegression {
  return sample('makePlane', options, (a, b) => (a + b) / 2);
}

/**
 * y = Σ height·exp(−|x − at|² / (2 sigma²)) over `GAUSSIAN_BUMPS`, plus noise·N(0, 1), for x
 * uniform in [-1, 1)²: two positive and two negative hills around a small central one.
 */
export function makeGaussians(options: PlaneRegressionOptions): PlaneRegression {
  return sample('makeGaussians', options, gaussians);
}

export function gaussians(a: number, b: number): number {
  let total = 0;
  for (const { at, height, sigma } of GAUSSIAN_BUMPS) {
    const d2 = (a - at[0]) ** 2 + (b - at[1]) ** 2;
    total += height * Math.exp(-d2 / (2 * sigma * sigma));
  }
  return total;
}

function sample(
  fn: string,
  options: PlaneRegressionOptions,
  target: (a: number, b: number) => number,
): PlaneRegression {
  const { samples, noise = 0, seed } = options;
  if (!Number.isInteger(samples) || samples < 1) {
    throw new Error(`${fn}: samples is ${samples}; expected an integer >= 1`);
  }
  if (!(Number.isFinite(noise) && noise >= 0)) {
    throw new Error(`${fn}: noise is ${noise}; expected a finite number >= 0`);
  }
  const rng = new Rng(seed);
  const X = Tensor.zeros([samples, 2]);
  const y = Tensor.zeros([samples, 1]);
  for (let i = 0; i < samples; i++) {
    const a = Math.fround(rng.uniformRange(-1, 1));
    const b = Math.fround(rng.uniformRange(-1, 1));
    X.data[2 * i] = a;
    X.data[2 * i + 1] = b;
    y.data[i] = target(a, b) + (noise === 0 ? 0 : noise * rng.normal());
  }
  return { X, y };
}
