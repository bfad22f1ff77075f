import { describe, expect, it } from 'vitest';
import { featureMapImages, kernelImages, sampleImages } from './image-slices.js';
import { misclassifiedExamples } from './misclassified.js';

const iota = (n: number) => Float32Array.from({ length: n }, (_, i) => i);

describe('kernelImages', () => {
  it('takes one kh × kw image per output channel from an HWIO kernel', () => {
    // Two 2 × 3 filters of one input channel, interleaved as [kh, kw, cIn, cOut] stores them:
    // filter 1 is filter 0 negated.
    const data = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6];
    expect(kernelImages({ data, shape: [2, 3, 1, 2] })).toEqual([
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [
        [-1, -2, -3],
        [-4, -5, -6],
      ],
    ]);
  });

  it('picks the input channel of a deeper layer’s kernel', () => {
    // [2, 2, 2, 3] holding 0..23: element (i, j, ci, co) is ((i * 2 + j) * 2 + ci) * 3 + co.
    const kernel = { data: iota(24), shape: [2, 2, 2, 3] };
    expect(kernelImages(kernel, { inputChannel: 1 })).toEqual([
      [
        [3, 9],
        [15, 21],
      ],
      [
        [4, 10],
        [16, 22],
      ],
      [
        [5, 11],
        [17, 23],
      ],
    ]);
    expect(kernelImages(kernel, { inputChannel: 0 })[1]).toEqual([
      [1, 7],
      [13, 19],
    ]);
  });

  it('names a wrong shape, a short data array and a missing or bad input channel', () => {
    expect(() => kernelImages({ data: iota(4), shape: [2, 2] })).toThrow(
      'kernelImages: the kernel has shape [2, 2]; expected [kh, kw, cIn, cOut]',
    );
    expect(() => kernelImages({ data: iota(7), shape: [2, 2, 1, 2] })).toThrow(
      'kernelImages: the kernel has 7 values; its shape [2, 2, 1, 2] needs 8',
    );
    expect(() => kernelImages({ data: iota(24), shape: [2, 2, 2, 3] })).toThrow(
      'kernelImages: the kernel has 2 input channels; pass inputChannel (0 to 1) to pick one',
    );
    expect(() =>
      kernelImages({ data: iota(24), shape: [2, 2, 2, 3] }, { inputChannel: 2 }),
    ).toThrow('kernelImages: inputChannel is 2; expected an integer in [0, 2)');
  });
});

describe('featureMapImages', () => {
  it('takes one h × w image per channel of [h, w, c]', () => {
    // [2, 2, 3] holding 0..11: element (r, c, ch) is (r * 2 + c) * 3 + ch.
    expect(featureMapImages({ data: iota(12), shape: [2, 2, 3] })).toEqual([
      [
        [0, 3],
        [6, 9],
      ],
      [
        [1, 4],
        [7, 10],
      ],
      [
        [2, 5],
        [8, 11],
      ],
    ]);
  });

  it('takes the sample asked for from [n, h, w, c]', () => {
    const maps = { data: iota(24), shape: [2, 2, 2, 3] };
    expect(featureMapImages(maps, { sample: 1 })[2]).toEqual([
      [14, 17],
      [20, 23],
    ]);
    expect(featureMapImages({ data: iota(12), shape: [1, 2, 2, 3] })).toEqual(
      featureMapImages({ data: iota(12), shape: [2, 2, 3] }),
    );
    expect(() => featureMapImages(maps)).toThrow(
      'featureMapImages: the feature map holds 2 samples; pass sample (0 to 1) to pick one',
    );
    expect(() => featureMapImages(maps, { sample: -1 })).toThrow(
      'featureMapImages: sample is -1; expected an integer in [0, 2)',
    );
    expect(() => featureMapImages({ data: iota(6), shape: [6] })).toThrow(
      'featureMapImages: the feature map has shape [6]; expected [h, w, c] or [n, h, w, c]',
    );
  });
});

describe('sampleImages', () => {
  it('takes the images of the given samples, in the order given', () => {
    // [3, 2, 2] holding 0..11: sample s is s * 4 .. s * 4 + 3, row by row.
    expect(sampleImages({ data: iota(12), shape: [3, 2, 2] }, [2, 0])).toEqual([
      [
        [8, 9],
        [10, 11],
      ],
      [
        [0, 1],
        [2, 3],
      ],
    ]);
    // [2, 1, 2, 2]: sample 1, channel 1 is elements ((1 * 1 + 0) * 2 + c) * 2 + 1 = 5, 7.
    expect(sampleImages({ data: iota(8), shape: [2, 1, 2, 2] }, [1], { channel: 1 })).toEqual([
      [[5, 7]],
    ]);
  });

  it('names a sample or channel out of range and a missing channel', () => {
    const batch = { data: iota(12), shape: [3, 2, 2, 1] };
    expect(() => sampleImages(batch, [0, 3])).toThrow(
      'sampleImages: indices[1] is 3; expected an integer in [0, 3), a sample of the batch',
    );
    expect(() => sampleImages({ data: iota(8), shape: [2, 1, 2, 2] }, [0])).toThrow(
      'sampleImages: the images have 2 channels; pass channel (0 to 1) to pick one',
    );
    expect(() => sampleImages(batch, [0], { channel: 1 })).toThrow(
      'sampleImages: channel is 1; expected an integer in [0, 1)',
    );
  });
});

describe('misclassifiedExamples', () => {
  it('lists the wrong predictions in order, titled with the true and predicted class', () => {
    expect(misclassifiedExamples([7, 1, 2, 3], Int32Array.from([1, 1, 2, 8]))).toEqual({
      indices: [0, 3],
      titles: ['true 7 / predicted 1', 'true 3 / predicted 8'],
    });
    expect(
      misclassifiedExamples([0, 1, 1], [1, 0, 0], { limit: 2, classNames: ['cat', 'dog'] }),
    ).toEqual({
      indices: [0, 1],
      titles: ['true cat / predicted dog', 'true dog / predicted cat'],
    });
  });

  it('names mismatched lengths, a bad label and a bad limit', () => {
    expect(() => misclassifiedExamples([1, 2], [1])).toThrow(
      'misclassifiedExamples: 2 true labels but 1 predictions; expected one prediction per label',
    );
    expect(() => misclassifiedExamples([1, 2], [1, 0.5])).toThrow(
      'misclassifiedExamples: yPred[1] is 0.5; expected a class index (an integer >= 0)',
    );
    expect(() => misclassifiedExamples([1], [1], { limit: -1 })).toThrow(
      'misclassifiedExamples: limit is -1; expected an integer >= 0',
    );
  });
});
