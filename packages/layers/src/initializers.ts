import type { Rng, Tensor } from '@neunet/tensor';

/** How Dense draws its initial weights. */
export type Initializer = 'he' | 'glorot';

/**
 * He (normal, std √(2/nIn)) suits ReLU networks: it keeps the activations' variance
 * steady through the layers. Glorot (uniform, limit √(6/(nIn+nOut))) suits tanh and
 * sigmoid.
 */
export function initializeWeights(
  weights: Tensor,
  nIn: number,
  nOut: number,
  init: Initializer,
  rng: Rng,
) {
  const w = weights.data;
  if (init === 'he') {
    const std = Math.sqrt(2 / nIn);
    for (let i = 0; i < w.length; i++) w[i] = rng.normal() * std;
  } else {
    const limit = Math.sqrt(6 / (nIn + nOut));
    for (let i = 0; i < w.length; i++) w[i] = rng.uniformRange(-limit, limit);
  }
}
