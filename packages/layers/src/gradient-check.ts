import { checkOptions, optionKeys } from '@neunet/options';
import { Rng, Tensor } from '@neunet/tensor';
import type { ForwardOptions, Layer } from './layer.js';

export interface GradientCheckResult {
  /** Largest |analytic − numeric| / (1 + |numeric|) over the input's gradient. */
  input: number;
  /** The same for each parameter, by name. */
  params: Record<string, number>;
}

const OPTIONS = optionKeys<NonNullable<Parameters<typeof gradientCheck>[2]>>()([
  'training',
  'h',
  'seed',
]);

/**
 * Compares a layer's backward pass with central finite differences. The objective is
 * L = Σ r ⊙ forward(x) for a fixed random r, so backward(r) must equal ∂L/∂x and leave
 * ∂L/∂θ in each param's grad. L is summed in float64; use a step `h` around 1e-2 to
 * stay above float32 rounding.
 */
export function gradientCheck(
  layer: Layer,
  x: Tensor,
  options: ForwardOptions & { h?: number; seed?: number } = {},
): GradientCheckResult {
  checkOptions('gradientCheck', options, OPTIONS);
  const { h = 1e-2, seed = 1, ...forwardOptions } = options;
  const first = layer.forward(x, forwardOptions);
  const rng = new Rng(seed);
  const r = Tensor.zeros(first.shape);
  for (let i = 0; i < r.size; i++) r.data[i] = rng.normal();
  const objective = () => {
    const y = layer.forward(x, forwardOptions).data;
    let sum = 0;
    for (let i = 0; i < y.length; i++) sum += y[i]! * r.data[i]!;
    return sum;
  };

  layer.forward(x, forwardOptions);
  const dx = layer.backward(r).data.slice();
  const grads = layer
    .params()
    .map((p) => ({ name: p.name, value: p.value, grad: p.grad.data.slice() }));

  const worst = (values: Float32Array, analytic: Float32Array) => {
    let max = 0;
    for (let i = 0; i < values.length; i++) {
      const saved = values[i]!;
      values[i] = saved + h;
      const up = objective();
      values[i] = saved - h;
      const down = objective();
      values[i] = saved;
      const numeric = (up - down) / (2 * h);
      max = Math.max(max, Math.abs(analytic[i]! - numeric) / (1 + Math.abs(numeric)));
    }
    return max;
  };

  const result: GradientCheckResult = { input: worst(x.data, dx), params: {} };
  for (const g of grads) result.params[g.name] = worst(g.value.data, g.grad);
  return result;
}
