// Test-only helpers for the convolution and pooling ops: seeded NHWC tensors, naive
// formulas written independently of src/reference (every tap of every window, padding
// read as zero through `cell`), and central finite differences.
import type { Conv2DGeometry } from '../src/conv-geometry.js';
import { Rng } from '../src/rng.js';
import { Tensor } from '../src/tensor.js';

export function randomTensor(shape: readonly number[], seed: number, scale = 1): Tensor {
  const rng = new Rng(seed);
  const t = Tensor.zeros(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal() * scale;
  return t;
}

/** x[b, h, w, c], or undefined in the padding. */
function cell(x: Tensor, b: number, h: number, w: number, c: number): number | undefined {
  const [, H, W, C] = x.shape as [number, number, number, number];
  if (h < 0 || h >= H || w < 0 || w >= W) return undefined;
  return x.data[((b * H + h) * W + w) * C + c]!;
}

/** The input cells output (oh, ow) reads, tap by tap, with padding as undefined. */
function windowCells(
  x: Tensor,
  g: Conv2DGeometry,
  b: number,
  oh: number,
  ow: number,
  c: number,
): (number | undefined)[] {
  const cells: (number | undefined)[] = [];
  for (let kh = 0; kh < g.kernelHeight; kh++) {
    for (let kw = 0; kw < g.kernelWidth; kw++) {
      const h = oh * g.strideHeight - g.padTop + kh * g.dilationHeight;
      const w = ow * g.strideWidth - g.padLeft + kw * g.dilationWidth;
      cells.push(cell(x, b, h, w, c));
    }
  }
  return cells;
}

/** Σ over taps and input channels of x·kernel, plus bias, in float64: y[b, oh, ow, co]. */
export function naiveConv2d(
  x: Tensor,
  kernel: Tensor,
  bias: Tensor | undefined,
  g: Conv2DGeometry,
): Float64Array {
  const n = x.shape[0]!;
  const out = new Float64Array(n * g.outHeight * g.outWidth * g.outChannels);
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      for (let ow = 0; ow < g.outWidth; ow++) {
        for (let co = 0; co < g.outChannels; co++, o++) {
          let s = bias ? bias.data[co]! : 0;
          for (let ci = 0; ci < g.inChannels; ci++) {
            windowCells(x, g, b, oh, ow, ci).forEach((v, tap) => {
              s += (v ?? 0) * kernel.data[(tap * g.inChannels + ci) * g.outChannels + co]!;
            });
          }
          out[o] = s;
        }
      }
    }
  }
  return out;
}

/** The max or the mean of each window's cells inside x. */
export function naivePool(kind: 'max' | 'avg', x: Tensor, g: Conv2DGeometry): Float64Array {
  const n = x.shape[0]!;
  const out = new Float64Array(n * g.outHeight * g.outWidth * g.inChannels);
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      for (let ow = 0; ow < g.outWidth; ow++) {
        for (let c = 0; c < g.inChannels; c++, o++) {
          const inside = windowCells(x, g, b, oh, ow, c).filter((v) => v !== undefined);
          out[o] =
            kind === 'max'
              ? Math.max(...inside)
              : inside.reduce((s, v) => s + v, 0) / inside.length;
        }
      }
    }
  }
  return out;
}

/** Σ r ⊙ y in float64: the objective whose gradient with respect to y is r. */
export function dot(y: ArrayLike<number>, r: Tensor): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += y[i]! * r.data[i]!;
  return s;
}

/**
 * The central difference of `objective` in each value of `values`, by the step that
 * float32 storage actually took (x ± h rounded), so the quotient has no rounding bias.
 */
export function finiteDifferences(
  values: Float32Array,
  objective: () => number,
  h = 1e-2,
): Float64Array {
  const grad = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const saved = values[i]!;
    values[i] = saved + h;
    const up = values[i]!;
    const fUp = objective();
    values[i] = saved - h;
    const down = values[i]!;
    const fDown = objective();
    values[i] = saved;
    grad[i] = (fUp - fDown) / (up - down);
  }
  return grad;
}

/** Throws naming the first value where got and want differ by more than tol·max(1, |want|). */
export function expectNear(
  what: string,
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  tol: number,
): void {
  if (got.length !== want.length) {
    throw new Error(`${what}: got ${got.length} values, expected ${want.length}`);
  }
  for (let i = 0; i < want.length; i++) {
    const [g, w] = [got[i]!, want[i]!];
    if (!(Math.abs(g - w) <= tol * Math.max(1, Math.abs(w)))) {
      throw new Error(`${what}: value ${i} is ${g}, expected ${w} (tolerance ${tol})`);
    }
  }
}
