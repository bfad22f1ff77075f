import { checkOptions, optionKeys } from '@neunet/options';
export interface MisclassifiedOptions {
  /** At most this many, the first in order. Default: all. */
  limit?: number;
  /** Names of the classes in the titles. Default: the class indices. */
  classNames?: readonly string[];
}

const OPTIONS = optionKeys<MisclassifiedOptions>()(['limit', 'classNames']);

/**
 * The samples whose prediction is wrong, in order, with titles 'true 7 / predicted 1'
 * for `imageGridFigure` (pick their images with `sampleImages(batch, indices)`).
 */
export function misclassifiedExamples(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: MisclassifiedOptions = {},
): { indices: number[]; titles: string[] } {
  checkOptions('misclassifiedExamples', options, OPTIONS);
  const { limit = Number.POSITIVE_INFINITY, classNames } = options;
  if (yTrue.length !== yPred.length) {
    throw new Error(
      `misclassifiedExamples: ${yTrue.length} true labels but ${yPred.length} predictions; expected one prediction per label`,
    );
  }
  if (!(limit >= 0) || (limit !== Number.POSITIVE_INFINITY && !Number.isInteger(limit))) {
    throw new Error(`misclassifiedExamples: limit is ${limit}; expected an integer >= 0`);
  }
  const name = (label: number, what: string, i: number): string => {
    if (!Number.isInteger(label) || label < 0) {
      throw new Error(
        `misclassifiedExamples: ${what}[${i}] is ${label}; expected a class index (an integer >= 0)`,
      );
    }
    return classNames?.[label] ?? String(label);
  };
  const indices: number[] = [];
  const titles: string[] = [];
  for (let i = 0; i < yTrue.length; i++) {
    const t = name(yTrue[i]!, 'yTrue', i);
    const p = name(yPred[i]!, 'yPred', i);
    if (yTrue[i] === yPred[i] || indices.length >= limit) continue;
    indices.push(i);
    titles.push(`true ${t} / predicted ${p}`);
  }
  return { indices, titles };
}
