import { activationDefinition } from '../activations.js';
import type { ActivationKind } from '../backend.js';
import { type Conv2DGeometry, checkConv } from '../conv-geometry.js';
import type { Tensor } from '../tensor.js';

/**
 * The reference convolution ops, direct loops over NHWC tensors and [kh, kw, cIn, cOut]
 * kernels, summing in double precision; see Backend for what each computes. Each output
 * value is one sum read in a fixed order (the input gradient gathers from the outputs
 * that read an input cell rather than scattering into it), so it is rounded to f32 once.
 */

let acc = new Float64Array(0);
/** A zeroed f64 scratch of `n` values, reused across calls. */
function sums(n: number): Float64Array {
  if (acc.length < n) acc = new Float64Array(n);
  acc.fill(0, 0, n);
  return acc;
}

export function conv2d(
  x: Tensor,
  kernel: Tensor,
  bias: Tensor | undefined,
  g: Conv2DGeometry,
  out: Tensor,
  activation: ActivationKind = 'linear',
  alpha = 0.01,
): Tensor {
  const n = checkConv('conv2d', g, x, out, kernel, bias);
  const act = activationDefinition('conv2d', activation);
  const { inHeight: H, inWidth: W, inChannels: C, outChannels: CO } = g;
  const { kernelHeight: KH, kernelWidth: KW, outHeight: OH, outWidth: OW } = g;
  const X = x.data;
  const K = kernel.data;
  const O = out.data;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const s = sums(CO);
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * g.strideHeight + kh * g.dilationHeight - g.padTop;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * g.strideWidth + kw * g.dilationWidth - g.padLeft;
            if (iw < 0 || iw >= W) continue;
            const xAt = ((b * H + ih) * W + iw) * C;
            const kAt = (kh * KW + kw) * C * CO;
            for (let ci = 0; ci < C; ci++) {
              const v = X[xAt + ci]!;
              const row = kAt + ci * CO;
              for (let co = 0; co < CO; co++) s[co] = s[co]! + v * K[row + co]!;
            }
          }
        }
        const oAt = ((b * OH + oh) * OW + ow) * CO;
        for (let co = 0; co < CO; co++) O[oAt + co] = s[co]! + (bias ? bias.data[co]! : 0);
      }
    }
  }
  act.forward(O, O, O.length, alpha);
  return out;
}

export function conv2dBackwardInput(
  dy: Tensor,
  kernel: Tensor,
  g: Conv2DGeometry,
  dx: Tensor,
): Tensor {
  const n = checkConv('conv2dBackwardInput', g, dx, dy, kernel);
  const { inHeight: H, inWidth: W, inChannels: C, outChannels: CO } = g;
  const { kernelHeight: KH, kernelWidth: KW, outHeight: OH, outWidth: OW } = g;
  const { strideHeight: sh, strideWidth: sw } = g;
  const DY = dy.data;
  const K = kernel.data;
  const DX = dx.data;
  for (let b = 0; b < n; b++) {
    for (let ih = 0; ih < H; ih++) {
      for (let iw = 0; iw < W; iw++) {
        const s = sums(C);
        // The outputs (oh, ow) whose window puts tap (kh, kw) on this input cell.
        for (let kh = 0; kh < KH; kh++) {
          const th = ih + g.padTop - kh * g.dilationHeight;
          const oh = th / sh;
          if (th < 0 || th % sh !== 0 || oh >= OH) continue;
          for (let kw = 0; kw < KW; kw++) {
            const tw = iw + g.padLeft - kw * g.dilationWidth;
            const ow = tw / sw;
            if (tw < 0 || tw % sw !== 0 || ow >= OW) continue;
            const dyAt = ((b * OH + oh) * OW + ow) * CO;
            const kAt = (kh * KW + kw) * C * CO;
            for (let ci = 0; ci < C; ci++) {
              const row = kAt + ci * CO;
              let t = s[ci]!;
              for (let co = 0; co < CO; co++) t += DY[dyAt + co]! * K[row + co]!;
              s[ci] = t;
            }
          }
        }
        const xAt = ((b * H + ih) * W + iw) * C;
        for (let ci = 0; ci < C; ci++) DX[xAt + ci] = s[ci]!;
      }
    }
  }
  return dx;
}

export function conv2dBackwardKernel(
  x: Tensor,
  dy: Tensor,
  g: Conv2DGeometry,
  dKernel: Tensor,
  dBias?: Tensor,
): Tensor {
  const n = checkConv('conv2dBackwardKernel', g, x, dy, dKernel, dBias);
  const { inHeight: H, inWidth: W, inChannels: C, outChannels: CO } = g;
  const { kernelHeight: KH, kernelWidth: KW, outHeight: OH, outWidth: OW } = g;
  const X = x.data;
  const DY = dy.data;
  const DK = dKernel.data;
  for (let kh = 0; kh < KH; kh++) {
    for (let kw = 0; kw < KW; kw++) {
      for (let ci = 0; ci < C; ci++) {
        const s = sums(CO);
        for (let b = 0; b < n; b++) {
          for (let oh = 0; oh < OH; oh++) {
            const ih = oh * g.strideHeight + kh * g.dilationHeight - g.padTop;
            if (ih < 0 || ih >= H) continue;
            for (let ow = 0; ow < OW; ow++) {
              const iw = ow * g.strideWidth + kw * g.dilationWidth - g.padLeft;
              if (iw < 0 || iw >= W) continue;
              const v = X[((b * H + ih) * W + iw) * C + ci]!;
              const dyAt = ((b * OH + oh) * OW + ow) * CO;
              for (let co = 0; co < CO; co++) s[co] = s[co]! + v * DY[dyAt + co]!;
            }
          }
        }
        const kAt = ((kh * KW + kw) * C + ci) * CO;
        for (let co = 0; co < CO; co++) DK[kAt + co] = s[co]!;
      }
    }
  }
  if (dBias) {
    const s = sums(CO);
    for (let i = 0; i < DY.length; i += CO) {
      for (let co = 0; co < CO; co++) s[co] = s[co]! + DY[i + co]!;
    }
    for (let co = 0; co < CO; co++) dBias.data[co] = s[co]!;
  }
  return dKernel;
}
