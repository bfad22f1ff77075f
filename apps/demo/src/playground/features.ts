import { Tensor } from '@neunet/tensor';

/** The input features TensorFlow Playground offers, computed from a point (x₁, x₂). */
export const FEATURES = {
  x1: { label: 'x₁', of: (a: number, _b: number) => a },
  x2: { label: 'x₂', of: (_a: number, b: number) => b },
  x1sq: { label: 'x₁²', of: (a: number, _b: number) => a * a },
  x2sq: { label: 'x₂²', of: (_a: number, b: number) => b * b },
  x1x2: { label: 'x₁x₂', of: (a: number, b: number) => a * b },
  sinx1: { label: 'sin x₁', of: (a: number, _b: number) => Math.sin(a) },
  sinx2: { label: 'sin x₂', of: (_a: number, b: number) => Math.sin(b) },
} satisfies Record<string, { label: string; of: (a: number, b: number) => number }>;

export type FeatureName = keyof typeof FEATURES;

export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[];

/**
 * The chosen features of each point of X ([N, 2]) as an [N, features] tensor, columns in
 * the order of `features`. Done once per data set and grid, before the model sees them.
 */
export function mapFeatures(X: Tensor, features: readonly FeatureName[]): Tensor {
  if (X.shape.length !== 2 || X.cols !== 2) {
    throw new Error(`mapFeatures: X has shape [${X.shape.join(', ')}]; expected [N, 2]`);
  }
  if (features.length === 0) throw new Error('mapFeatures: no features; expected at least one');
  const n = X.rows;
  const k = features.length;
  const fns = features.map((name) => {
    const feature = FEATURES[name];
    if (!feature) {
      throw new Error(
        `mapFeatures: unknown feature '${name}'; expected one of ${FEATURE_NAMES.join(', ')}`,
      );
    }
    return feature.of;
  });
  const out = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    const a = X.data[2 * i]!;
    const b = X.data[2 * i + 1]!;
    for (let j = 0; j < k; j++) out[i * k + j] = fns[j]!(a, b);
  }
  return new Tensor(out, [n, k]);
}
