import { type Conv2DGeometry, checkBatch, checkPool } from '../conv-geometry.js';
import type { Tensor } from '../tensor.js';

/**
 * The reference poolings over NHWC tensors; see Backend for what each computes. Padding
 * cells take no part: a max is over the window's cells inside the input, an average
 * divides by their number (as TensorFlow's 'same' does).
 */

/** The first window tap along an axis that lands inside the input (start may be < 0). */
export function firstTap(start: number, dilation: number): number {
  return start >= 0 ? 0 : Math.ceil(-start / dilation);
}

/** One past the last window tap along an axis that lands inside an input of `size`. */
export function endTap(start: number, size: number, count: number, dilation: number): number {
  return Math.max(0, Math.min(count, Math.ceil((size - start) / dilation)));
}

export function maxPool2d(x: Tensor, g: Conv2DGeometry, out: Tensor): Tensor {
  const n = checkPool('maxPool2d', g, x, out);
  const X = x.data;
  const O = out.data;
  const C = g.inChannels;
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      const h0 = oh * g.strideHeight - g.padTop;
      const kh0 = firstTap(h0, g.dilationHeight);
      const kh1 = endTap(h0, g.inHeight, g.kernelHeight, g.dilationHeight);
      for (let ow = 0; ow < g.outWidth; ow++, o += C) {
        const w0 = ow * g.strideWidth - g.padLeft;
        const kw0 = firstTap(w0, g.dilationWidth);
        const kw1 = endTap(w0, g.inWidth, g.kernelWidth, g.dilationWidth);
        for (let c = 0; c < C; c++) {
          let best = Number.NEGATIVE_INFINITY;
          for (let kh = kh0; kh < kh1; kh++) {
            for (let kw = kw0; kw < kw1; kw++) {
              const v = X[at(g, b, h0 + kh * g.dilationHeight, w0 + kw * g.dilationWidth) + c]!;
              if (v > best) best = v;
            }
          }
          O[o + c] = best;
        }
      }
    }
  }
  return out;
}

/**
 * Routes each output's gradient to the first cell (in row-major window order) holding
 * the window's maximum, found again from x: TensorFlow's choice on ties.
 */
export function maxPool2dBackward(x: Tensor, dy: Tensor, g: Conv2DGeometry, dx: Tensor): Tensor {
  const n = checkPool('maxPool2dBackward', g, x, dy);
  checkBatch('maxPool2dBackward', 'dx', dx, n, g.inHeight, g.inWidth, g.inChannels);
  const X = x.data;
  const DY = dy.data;
  const DX = dx.data;
  const C = g.inChannels;
  DX.fill(0);
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      const h0 = oh * g.strideHeight - g.padTop;
      const kh0 = firstTap(h0, g.dilationHeight);
      const kh1 = endTap(h0, g.inHeight, g.kernelHeight, g.dilationHeight);
      for (let ow = 0; ow < g.outWidth; ow++, o += C) {
        const w0 = ow * g.strideWidth - g.padLeft;
        const kw0 = firstTap(w0, g.dilationWidth);
        const kw1 = endTap(w0, g.inWidth, g.kernelWidth, g.dilationWidth);
        for (let c = 0; c < C; c++) {
          let where = at(g, b, h0 + kh0 * g.dilationHeight, w0 + kw0 * g.dilationWidth) + c;
          for (let kh = kh0; kh < kh1; kh++) {
            for (let kw = kw0; kw < kw1; kw++) {
              const i = at(g, b, h0 + kh * g.dilationHeight, w0 + kw * g.dilationWidth) + c;
              if (X[i]! > X[where]!) where = i;
            }
          }
          DX[where] = DX[where]! + DY[o + c]!;
        }
      }
    }
  }
  return dx;
}

export function avgPool2d(x: Tensor, g: Conv2DGeometry, out: Tensor): Tensor {
  const n = checkPool('avgPool2d', g, x, out);
  const X = x.data;
  const O = out.data;
  const C = g.inChannels;
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      const h0 = oh * g.strideHeight - g.padTop;
      const kh0 = firstTap(h0, g.dilationHeight);
      const kh1 = endTap(h0, g.inHeight, g.kernelHeight, g.dilationHeight);
      for (let ow = 0; ow < g.outWidth; ow++, o += C) {
        const w0 = ow * g.strideWidth - g.padLeft;
        const kw0 = firstTap(w0, g.dilationWidth);
        const kw1 = endTap(w0, g.inWidth, g.kernelWidth, g.dilationWidth);
        const count = (kh1 - kh0) * (kw1 - kw0);
        for (let c = 0; c < C; c++) {
          let s = 0;
          for (let kh = kh0; kh < kh1; kh++) {
            for (let kw = kw0; kw < kw1; kw++) {
              s += X[at(g, b, h0 + kh * g.dilationHeight, w0 + kw * g.dilationWidth) + c]!;
            }
          }
          O[o + c] = s / count;
        }
      }
    }
  }
  return out;
}

export function avgPool2dBackward(dy: Tensor, g: Conv2DGeometry, dx: Tensor): Tensor {
  const n = checkPool('avgPool2dBackward', g, dx, dy);
  const DY = dy.data;
  const DX = dx.data;
  const C = g.inChannels;
  DX.fill(0);
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      const h0 = oh * g.strideHeight - g.padTop;
      const kh0 = firstTap(h0, g.dilationHeight);
      const kh1 = endTap(h0, g.inHeight, g.kernelHeight, g.dilationHeight);
      for (let ow = 0; ow < g.outWidth; ow++, o += C) {
        const w0 = ow * g.strideWidth - g.padLeft;
        const kw0 = firstTap(w0, g.dilationWidth);
        const kw1 = endTap(w0, g.inWidth, g.kernelWidth, g.dilationWidth);
        const count = (kh1 - kh0) * (kw1 - kw0);
        for (let kh = kh0; kh < kh1; kh++) {
          for (let kw = kw0; kw < kw1; kw++) {
            const i = at(g, b, h0 + kh * g.dilationHeight, w0 + kw * g.dilationWidth);
            for (let c = 0; c < C; c++) DX[i + c] = DX[i + c]! + DY[o + c]! / count;
          }
        }
      }
    }
  }
  return dx;
}

export function globalAvgPool2d(x: Tensor, out: Tensor): Tensor {
  checkGlobal('globalAvgPool2d', x, out);
  const n = x.shape[0]!;
  const hw = x.shape[1]! * x.shape[2]!;
  const c = x.shape[3]!;
  const X = x.data;
  const O = out.data;
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      let s = 0;
      for (let p = 0; p < hw; p++) s += X[(b * hw + p) * c + ch]!;
      O[b * c + ch] = s / hw;
    }
  }
  return out;
}

export function globalAvgPool2dBackward(dy: Tensor, dx: Tensor): Tensor {
  checkGlobal('globalAvgPool2dBackward', dx, dy);
  const n = dx.shape[0]!;
  const hw = dx.shape[1]! * dx.shape[2]!;
  const c = dx.shape[3]!;
  const DY = dy.data;
  const DX = dx.data;
  for (let b = 0; b < n; b++) {
    for (let p = 0; p < hw; p++) {
      for (let ch = 0; ch < c; ch++) DX[(b * hw + p) * c + ch] = DY[b * c + ch]! / hw;
    }
  }
  return dx;
}

/** Checks x [n, h, w, c] against its pooling [n, c]. */
export function checkGlobal(where: string, x: Tensor, pooled: Tensor): void {
  if (x.shape.length !== 4) {
    throw new Error(
      `${where}: the input has shape [${x.shape.join(', ')}]; expected [batch, height, width, channels]`,
    );
  }
  const [n, , , c] = x.shape;
  if (pooled.shape.length !== 2 || pooled.shape[0] !== n || pooled.shape[1] !== c) {
    throw new Error(
      `${where}: the pooled tensor has shape [${pooled.shape.join(', ')}]; expected [${n}, ${c}]`,
    );
  }
}

function at(g: Conv2DGeometry, b: number, h: number, w: number): number {
  return ((b * g.inHeight + h) * g.inWidth + w) * g.inChannels;
}
