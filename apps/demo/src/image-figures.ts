import type { NeuralNetwork } from '@neunet/model';
import type { Tensor } from '@neunet/tensor';
import {
  type Figure,
  featureMapImages,
  imageGridFigure,
  kernelImages,
  misclassifiedExamples,
  sampleImages,
} from '@neunet/viz';

/** Test digits whose feature maps the report shows, and most misclassified ones it shows. */
const DIGITS = 4;
const MISCLASSIFIED = 32;

/**
 * The output of layers 0 to `last` for X in inference mode: the trained layers' own
 * forward, copied because a layer reuses its output buffer on its next call.
 */
export function outputAfter(model: NeuralNetwork, X: Tensor, last: number): Tensor {
  let out = X;
  for (const layer of model.layers.slice(0, last + 1))
    out = layer.forward(out, { training: false });
  return out.clone();
}

/**
 * What a network learned on images [n, h, w, c]: the first Conv2D's filters, the feature
 * maps it makes of the first test images, and the misclassified test images titled
 * "true / predicted".
 */
export function imageFigures(
  model: NeuralNetwork,
  X: Tensor,
  truth: Int32Array,
  predicted: Int32Array,
  classNames?: readonly string[],
): Figure[] {
  const figures: Figure[] = [];
  const name = (label: number) => classNames?.[label] ?? String(label);
  const conv = model.layers.findIndex((layer) => layer.getConfig().type === 'Conv2D');
  if (conv >= 0) {
    const kernel = model.layers[conv]!.params().find((p) => p.name === 'kernel')!.value;
    const [kh, kw, channels] = kernel.shape;
    const filters = kernelImages(kernel, { inputChannel: 0 });
    const channel = channels === 1 ? '' : ', input channel 0';
    figures.push(
      imageGridFigure(filters, {
        title: `Learned filters of the first Conv2D (${kh} × ${kw}${channel}; green positive, red negative)`,
        titles: filters.map((_, k) => `filter ${k + 1}`),
        symmetric: true,
      }),
    );
    const n = Math.min(DIGITS, X.rows);
    const first = Array.from({ length: n }, (_, i) => i);
    const digits = X.sliceRows(0, n);
    figures.push(
      imageGridFigure(sampleImages(digits, first, { channel: 0 }), {
        title: `The first ${n} test images`,
        titles: first.map((i) => `test ${i + 1}: ${name(truth[i]!)}`),
        range: [0, 1],
      }),
    );
    const maps = outputAfter(model, digits, conv);
    const perDigit = first.map((i) => featureMapImages(maps, { sample: i }));
    figures.push(
      imageGridFigure(perDigit.flat(), {
        title: `Their feature maps after the first Conv2D (a row per image, a column per filter)`,
        titles: perDigit.flatMap((images, i) =>
          images.map((_, k) => `${name(truth[i]!)}: filter ${k + 1}`),
        ),
        columns: perDigit[0]!.length,
        cellSize: 80,
      }),
    );
  }
  const wrong = misclassifiedExamples(truth, predicted, classNames ? { classNames } : {});
  if (wrong.indices.length > 0) {
    const shown = wrong.indices.slice(0, MISCLASSIFIED);
    figures.push(
      imageGridFigure(sampleImages(X, shown, { channel: 0 }), {
        title: `Misclassified test images: ${shown.length === wrong.indices.length ? 'all' : `the first ${shown.length} of`} ${wrong.indices.length}`,
        titles: wrong.titles.slice(0, shown.length),
        columns: 8,
        range: [0, 1],
      }),
    );
  }
  return figures;
}
