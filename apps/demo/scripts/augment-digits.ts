import type { Rng } from '@neunet/tensor';

/** How far a training digit may be turned, stretched and moved. */
export interface Distortion {
  /** Largest rotation either way, in degrees. */
  degrees: number;
  /** Largest relative change of size, either way. */
  scale: number;
  /** Largest shift along each axis, in pixels. */
  shift: number;
}

/**
 * A random affine distortion of each square image in `images` (n × side × side, row by
 * row), written to `out`: rotation, scale and shift about the image's centre, sampled
 * bilinearly. Drawn digits lean and sit a little off centre in ways MNIST's do not; the
 * distortions make the model less sensitive to that. The Rng makes it reproducible.
 */
export function distortImages(
  images: Float32Array,
  side: number,
  rng: Rng,
  range: Distortion,
  out: Float32Array = new Float32Array(images.length),
): Float32Array {
  const size = side * side;
  const centre = side / 2;
  for (let offset = 0; offset < images.length; offset += size) {
    const angle = (rng.uniformRange(-range.degrees, range.degrees) * Math.PI) / 180;
    const scale = 1 + rng.uniformRange(-range.scale, range.scale);
    const dx = rng.uniformRange(-range.shift, range.shift);
    const dy = rng.uniformRange(-range.shift, range.shift);
    // The inverse map: each output pixel centre back to where it comes from.
    const cos = Math.cos(angle) / scale;
    const sin = Math.sin(angle) / scale;
    for (let row = 0; row < side; row++) {
      for (let col = 0; col < side; col++) {
        const x = col + 0.5 - centre - dx;
        const y = row + 0.5 - centre - dy;
        const sx = cos * x + sin * y + centre - 0.5;
        const sy = -sin * x + cos * y + centre - 0.5;
        out[offset + row * side + col] = bilinear(images, offset, side, sx, sy);
      }
    }
  }
  return out;
}

function bilinear(image: Float32Array, offset: number, side: number, x: number, y: number) {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (r: number, c: number) =>
    r < 0 || c < 0 || r >= side || c >= side ? 0 : image[offset + r * side + c]!;
  return (
    (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) +
    fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1))
  );
}
