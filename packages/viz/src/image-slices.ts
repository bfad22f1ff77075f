import { checkOptions, optionKeys } from '@neunet/options';
/**
 * Values laid out in row-major order under a shape, as a NeuNet `Tensor` (or a TensorFlow.js
 * `dataSync()` with its shape) holds them; viz takes them without importing a tensor type.
 */
export interface ShapedData {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
}

/** Image i's rows, from values at `at(r, c)`. */
function image(height: number, width: number, at: (r: number, c: number) => number): number[][] {
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => at(r, c)),
  );
}

function checkShape(
  fn: string,
  name: string,
  x: ShapedData,
  ranks: readonly number[],
  layout: string,
): void {
  const { shape, data } = x;
  if (!ranks.includes(shape.length) || !shape.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new Error(`${fn}: ${name} has shape [${shape.join(', ')}]; expected ${layout}`);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (data.length !== size) {
    throw new Error(
      `${fn}: ${name} has ${data.length} values; its shape [${shape.join(', ')}] needs ${size}`,
    );
  }
}

function checkIndex(fn: string, name: string, value: number, count: number, what: string): void {
  if (!(Number.isInteger(value) && value >= 0 && value < count)) {
    throw new Error(`${fn}: ${name} is ${value}; expected an integer in [0, ${count}), ${what}`);
  }
}

const KERNEL_OPTIONS = optionKeys<NonNullable<Parameters<typeof kernelImages>[1]>>()([
  'inputChannel',
]);

/**
 * A convolution kernel [kh, kw, cIn, cOut] (the layout of `Conv2D`'s kernel, Keras and
 * TensorFlow.js) as one kh × kw image per filter (output channel), of input channel
 * `inputChannel`; it may be left out when the kernel has one input channel.
 */
export function kernelImages(
  kernel: ShapedData,
  options: { inputChannel?: number } = {},
): number[][][] {
  checkOptions('kernelImages', options, KERNEL_OPTIONS);
  const fn = 'kernelImages';
  checkShape(fn, 'the kernel', kernel, [4], '[kh, kw, cIn, cOut]');
  const [kh, kw, cIn, cOut] = kernel.shape as [number, number, number, number];
  const { inputChannel } = options;
  if (inputChannel === undefined && cIn > 1) {
    throw new Error(
      `${fn}: the kernel has ${cIn} input channels; pass inputChannel (0 to ${cIn - 1}) to pick one`,
    );
  }
  const ci = inputChannel ?? 0;
  checkIndex(fn, 'inputChannel', ci, cIn, 'one of the kernel’s input channels');
  const { data } = kernel;
  return Array.from({ length: cOut }, (_, co) =>
    image(kh, kw, (r, c) => data[((r * kw + c) * cIn + ci) * cOut + co]!),
  );
}

const FEATUREMAP_OPTIONS = optionKeys<NonNullable<Parameters<typeof featureMapImages>[1]>>()([
  'sample',
]);

/**
 * A feature map [h, w, c], or [n, h, w, c] with the `sample` to show (it may be left out
 * when n is 1), as one h × w image per channel.
 */
export function featureMapImages(
  featureMap: ShapedData,
  options: { sample?: number } = {},
): number[][][] {
  checkOptions('featureMapImages', options, FEATUREMAP_OPTIONS);
  const fn = 'featureMapImages';
  checkShape(fn, 'the feature map', featureMap, [3, 4], '[h, w, c] or [n, h, w, c]');
  const shape = featureMap.shape.length === 3 ? [1, ...featureMap.shape] : featureMap.shape;
  const [n, h, w, channels] = shape as [number, number, number, number];
  const { sample } = options;
  if (sample === undefined && n > 1) {
    throw new Error(
      `${fn}: the feature map holds ${n} samples; pass sample (0 to ${n - 1}) to pick one`,
    );
  }
  const s = sample ?? 0;
  checkIndex(fn, 'sample', s, n, 'one of the feature map’s samples');
  const { data } = featureMap;
  return Array.from({ length: channels }, (_, ch) =>
    image(h, w, (r, c) => data[((s * h + r) * w + c) * channels + ch]!),
  );
}

const SAMPLE_OPTIONS = optionKeys<NonNullable<Parameters<typeof sampleImages>[2]>>()(['channel']);

/**
 * Samples `indices` of a batch of images [n, h, w, c] (or [n, h, w]), each as one h × w
 * image of `channel`; it may be left out when c is 1 (MNIST's digits).
 */
export function sampleImages(
  batch: ShapedData,
  indices: readonly number[],
  options: { channel?: number } = {},
): number[][][] {
  checkOptions('sampleImages', options, SAMPLE_OPTIONS);
  const fn = 'sampleImages';
  checkShape(fn, 'the batch', batch, [3, 4], '[n, h, w, c] or [n, h, w]');
  const [n, h, w, channels = 1] = batch.shape as [number, number, number, number?];
  const { channel } = options;
  if (channel === undefined && channels > 1) {
    throw new Error(
      `${fn}: the images have ${channels} channels; pass channel (0 to ${channels - 1}) to pick one`,
    );
  }
  const ch = channel ?? 0;
  checkIndex(fn, 'channel', ch, channels, 'one of the images’ channels');
  indices.forEach((s, i) => {
    checkIndex(fn, `indices[${i}]`, s, n, 'a sample of the batch');
  });
  const { data } = batch;
  return indices.map((s) => image(h, w, (r, c) => data[((s * h + r) * w + c) * channels + ch]!));
}
