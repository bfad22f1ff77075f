import { Rng, type Shape, Tensor } from '@neunet/tensor';

/** A tensor of `shape` with values shift + scale · N(0, 1), seeded. Test helper only. */
export function randomTensor(shape: Shape, seed: number, scale = 1, shift = 0): Tensor {
  const rng = new Rng(seed);
  const t = Tensor.zeros(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = shift + scale * rng.normal();
  return t;
}

/** The sample-major rows of x's leading axes at position `t` of axis 1: x[:, t, ...]. */
export function step(x: Tensor, t: number): Tensor {
  const [batch, steps] = x.shape as [number, number];
  const width = x.size / (batch * steps);
  const out = Tensor.zeros([batch, ...x.shape.slice(2)]);
  for (let b = 0; b < batch; b++) {
    out.data.set(x.data.subarray((b * steps + t) * width, (b * steps + t + 1) * width), b * width);
  }
  return out;
}
