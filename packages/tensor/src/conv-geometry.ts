import { checkOptions, optionKeys } from '@neunet/options';
import type { Tensor } from './tensor.js';

/**
 * Where a 2-D convolution or pooling window reads one sample of an NHWC tensor: computed
 * once per layer (by `conv2dGeometry` or `pool2dGeometry`) and passed to every
 * convolution and pooling op of the Backend. The batch size is not part of it: the ops
 * read it from the tensors' first axis, so the last, smaller batch of an epoch needs no
 * other geometry.
 *
 * Output cell (oh, ow) reads input rows oh·strideHeight + kh·dilationHeight − padTop for
 * kh < kernelHeight (and the same across), where a row or column outside the input is
 * padding: zeros for a convolution, left out of the max or the average for a pooling.
 */
export interface Conv2DGeometry {
  readonly inHeight: number;
  readonly inWidth: number;
  readonly inChannels: number;
  readonly kernelHeight: number;
  readonly kernelWidth: number;
  /** Filters of a convolution; the input's channels for a pooling. */
  readonly outChannels: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly dilationHeight: number;
  readonly dilationWidth: number;
  readonly padTop: number;
  readonly padBottom: number;
  readonly padLeft: number;
  readonly padRight: number;
  readonly outHeight: number;
  readonly outWidth: number;
}

/**
 * 'valid' reads no padding; 'same' pads so that the output has ⌈in / stride⌉ cells along
 * each axis, with any odd cell of padding at the bottom and right (TensorFlow's split);
 * four numbers are explicit [top, bottom, left, right] padding.
 */
export type Padding2D = 'valid' | 'same' | readonly [number, number, number, number];

/** A size given once for both axes or as [height, width]. */
export type Size2D = number | readonly [number, number];

export interface Conv2DGeometryOptions {
  /** One sample's shape, [height, width, channels]. */
  inputShape: readonly number[];
  kernelSize: Size2D;
  filters: number;
  /** Default 1. */
  strides?: Size2D;
  /** Default 1. */
  dilationRate?: Size2D;
  /** Default 'valid'. */
  padding?: Padding2D;
}

const CONV_OPTIONS = optionKeys<Conv2DGeometryOptions>()([
  'inputShape',
  'kernelSize',
  'filters',
  'strides',
  'dilationRate',
  'padding',
]);

export interface Pool2DGeometryOptions {
  /** One sample's shape, [height, width, channels]. */
  inputShape: readonly number[];
  poolSize: Size2D;
  /** Default: the pool size. */
  strides?: Size2D;
  /** Default 'valid'. */
  padding?: Padding2D;
}

const POOL_OPTIONS = optionKeys<Pool2DGeometryOptions>()([
  'inputShape',
  'poolSize',
  'strides',
  'padding',
]);

/** The geometry of a convolution with kernel [kh, kw, inChannels, filters]. */
export function conv2dGeometry(options: Conv2DGeometryOptions): Conv2DGeometry {
  const where = 'conv2dGeometry';
  checkOptions(where, options, CONV_OPTIONS);
  const [inHeight, inWidth, inChannels] = sampleShape(where, options.inputShape);
  positive(where, 'filters', options.filters);
  const [kh, kw] = size2d(where, 'kernelSize', options.kernelSize);
  const [sh, sw] = size2d(where, 'strides', options.strides ?? 1);
  const [dh, dw] = size2d(where, 'dilationRate', options.dilationRate ?? 1);
  return window(where, [inHeight, inWidth, inChannels], [kh, kw], [sh, sw], [dh, dw], {
    padding: options.padding ?? 'valid',
    outChannels: options.filters,
  });
}

/** The geometry of a max or average pooling, which keeps the channels. */
export function pool2dGeometry(options: Pool2DGeometryOptions): Conv2DGeometry {
  const where = 'pool2dGeometry';
  checkOptions(where, options, POOL_OPTIONS);
  const shape = sampleShape(where, options.inputShape);
  const pool = size2d(where, 'poolSize', options.poolSize);
  const strides = size2d(where, 'strides', options.strides ?? options.poolSize);
  return window(where, shape, pool, strides, [1, 1], {
    padding: options.padding ?? 'valid',
    outChannels: shape[2],
  });
}

function window(
  where: string,
  [inHeight, inWidth, inChannels]: readonly [number, number, number],
  [kernelHeight, kernelWidth]: readonly [number, number],
  [strideHeight, strideWidth]: readonly [number, number],
  [dilationHeight, dilationWidth]: readonly [number, number],
  { padding, outChannels }: { padding: Padding2D; outChannels: number },
): Conv2DGeometry {
  const spanH = (kernelHeight - 1) * dilationHeight + 1;
  const spanW = (kernelWidth - 1) * dilationWidth + 1;
  let pads: readonly [number, number, number, number];
  if (padding === 'valid') pads = [0, 0, 0, 0];
  else if (padding === 'same') {
    const [top, bottom] = samePadding(inHeight, spanH, strideHeight);
    const [left, right] = samePadding(inWidth, spanW, strideWidth);
    pads = [top, bottom, left, right];
  } else if (
    Array.isArray(padding) &&
    padding.length === 4 &&
    padding.every((p) => Number.isInteger(p) && p >= 0)
  ) {
    pads = padding;
  } else {
    throw new Error(
      `${where}: padding is ${JSON.stringify(padding)}; expected 'valid', 'same' or ` +
        '[top, bottom, left, right] integers >= 0',
    );
  }
  const [padTop, padBottom, padLeft, padRight] = pads;
  const outHeight = Math.floor((inHeight + padTop + padBottom - spanH) / strideHeight) + 1;
  const outWidth = Math.floor((inWidth + padLeft + padRight - spanW) / strideWidth) + 1;
  if (outHeight < 1 || outWidth < 1) {
    throw new Error(
      `${where}: a ${spanH}×${spanW} window (kernel with dilation) does not fit the ` +
        `${inHeight}×${inWidth} input with padding [${pads.join(', ')}]; expected a window ` +
        'no larger than the padded input',
    );
  }
  return {
    inHeight,
    inWidth,
    inChannels,
    kernelHeight,
    kernelWidth,
    outChannels,
    strideHeight,
    strideWidth,
    dilationHeight,
    dilationWidth,
    padTop,
    padBottom,
    padLeft,
    padRight,
    outHeight,
    outWidth,
  };
}

/** TensorFlow's 'same': ⌈in / stride⌉ outputs; the odd cell of padding goes after. */
function samePadding(inSize: number, span: number, stride: number): [number, number] {
  const outSize = Math.ceil(inSize / stride);
  const total = Math.max((outSize - 1) * stride + span - inSize, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

function sampleShape(where: string, shape: readonly number[]): [number, number, number] {
  if (shape.length !== 3 || !shape.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new Error(
      `${where}: inputShape is [${shape.join(', ')}]; expected one sample's ` +
        '[height, width, channels], integers >= 1',
    );
  }
  return [shape[0]!, shape[1]!, shape[2]!];
}

function size2d(where: string, name: string, value: Size2D): [number, number] {
  const pair = typeof value === 'number' ? [value, value] : value;
  if (pair.length !== 2) {
    throw new Error(`${where}: ${name} is [${pair.join(', ')}]; expected a number or [h, w]`);
  }
  positive(where, name, pair[0]!);
  positive(where, name, pair[1]!);
  return [pair[0]!, pair[1]!];
}

function positive(where: string, name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) {
    throw new Error(`${where}: ${name} is ${v}; expected an integer >= 1`);
  }
}

/**
 * The batch size of `t` after checking that it holds NHWC samples of [h, w, c], or an
 * error naming the tensor, its shape and the shape expected.
 */
export function batchOf(
  where: string,
  name: string,
  t: Tensor,
  h: number,
  w: number,
  c: number,
): number {
  const n = t.shape[0] ?? 0;
  if (t.shape.length !== 4 || t.shape[1] !== h || t.shape[2] !== w || t.shape[3] !== c) {
    throw new Error(
      `${where}: ${name} has shape [${t.shape.join(', ')}]; expected [batch, ${h}, ${w}, ${c}]`,
    );
  }
  return n;
}

/** Checks that `t` is [n, h, w, c] for the batch size n of another operand. */
export function checkBatch(
  where: string,
  name: string,
  t: Tensor,
  n: number,
  h: number,
  w: number,
  c: number,
): void {
  if (batchOf(where, name, t, h, w, c) !== n) {
    throw new Error(
      `${where}: ${name} has shape [${t.shape.join(', ')}]; expected [${n}, ${h}, ${w}, ${c}]`,
    );
  }
}

/** The input's batch size after checking every operand of a convolution op. */
export function checkConv(
  where: string,
  g: Conv2DGeometry,
  x: Tensor,
  y: Tensor,
  kernel: Tensor,
  bias?: Tensor,
): number {
  const n = batchOf(where, 'the input', x, g.inHeight, g.inWidth, g.inChannels);
  checkBatch(where, 'the output', y, n, g.outHeight, g.outWidth, g.outChannels);
  const k = [g.kernelHeight, g.kernelWidth, g.inChannels, g.outChannels];
  if (kernel.shape.length !== 4 || k.some((d, i) => kernel.shape[i] !== d)) {
    throw new Error(
      `${where}: the kernel has shape [${kernel.shape.join(', ')}]; expected [${k.join(', ')}]`,
    );
  }
  if (bias && bias.size !== g.outChannels) {
    throw new Error(
      `${where}: the bias holds ${bias.size} values; expected one per filter (${g.outChannels})`,
    );
  }
  return n;
}

/** The input's batch size after checking the operands of a pooling op. */
export function checkPool(where: string, g: Conv2DGeometry, x: Tensor, y: Tensor): number {
  if (g.outChannels !== g.inChannels) {
    throw new Error(
      `${where}: the geometry maps ${g.inChannels} channels to ${g.outChannels}; a pooling ` +
        'keeps the channels (make it with pool2dGeometry)',
    );
  }
  const spanH = (g.kernelHeight - 1) * g.dilationHeight + 1;
  const spanW = (g.kernelWidth - 1) * g.dilationWidth + 1;
  if (Math.max(g.padTop, g.padBottom) >= spanH || Math.max(g.padLeft, g.padRight) >= spanW) {
    throw new Error(
      `${where}: padding [${g.padTop}, ${g.padBottom}, ${g.padLeft}, ${g.padRight}] would leave ` +
        `windows of padding only; expected less than the ${spanH}×${spanW} window on each side`,
    );
  }
  const n = batchOf(where, 'the input', x, g.inHeight, g.inWidth, g.inChannels);
  checkBatch(where, 'the output', y, n, g.outHeight, g.outWidth, g.outChannels);
  return n;
}
