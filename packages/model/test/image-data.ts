import { Rng, Tensor } from '@neunet/tensor';

/**
 * `samples` noisy images [size, size, channels] of one of three patterns (a horizontal
 * bar, a vertical bar, a diagonal) at a random place, and their classes. Seeded. Test
 * helper only.
 */
export function barImages(
  samples: number,
  seed: number,
  size = 8,
  channels = 1,
): { X: Tensor; y: Int32Array } {
  const rng = new Rng(seed);
  const X = Tensor.zeros([samples, size, size, channels]);
  const y = new Int32Array(samples);
  for (let s = 0; s < samples; s++) {
    const label = rng.int(3);
    y[s] = label;
    const at = rng.int(size);
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        const on = label === 0 ? r === at : label === 1 ? c === at : (r + at) % size === c;
        for (let ch = 0; ch < channels; ch++) {
          X.data[((s * size + r) * size + c) * channels + ch] =
            (on ? 1 : 0) + 0.2 * rng.normal() + 0.1 * ch;
        }
      }
    }
  }
  return { X, y };
}
