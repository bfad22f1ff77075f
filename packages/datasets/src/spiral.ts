import { checkOptions, optionKeys } from '@neunet/options';
import { Rng, Tensor } from '@neunet/tensor';

/** Options of `createData`. */
export interface SpiralOptions {
  /** Points per class, an integer >= 1. */
  samples: number;
  /** Number of classes (spiral arms), an integer >= 1. */
  classes: number;
  /** The standard deviation of the Gaussian noise added to each point's angle. Default 0.2. */
  noise?: number;
  /** The random seed; a random one when absent. */
  seed?: number;
}

const OPTIONS = optionKeys<SpiralOptions>()(['samples', 'classes', 'noise', 'seed']);

/** Inputs and their class indices. */
export interface Dataset {
  /** [N, features] float32. */
  X: Tensor;
  /** One class index per row of X. */
  y: Int32Array;
}

/**
 * The interleaved-spirals classification set of the NeuNet seed (the cs231n / nnfs
 * spiral). Class c fills rows c·samples .. (c+1)·samples − 1 with
 * r = linspace(0, 1, samples), t = linspace(4c, 4(c+1), samples) + noise·N(0, 1) and
 * x = [r·sin(2.5t), r·cos(2.5t)], so X is [samples·classes, 2] and every point lies
 * within the unit disc. The same seed gives bit-identical data.
 */
export function createData(options: SpiralOptions): Dataset {
  checkOptions('createData', options, OPTIONS);
  const { samples, classes, noise = 0.2, seed } = options;
  if (!Number.isInteger(samples) || samples < 1) {
    throw new Error(`createData: samples is ${samples}; expected an integer >= 1`);
  }
  if (!Number.isInteger(classes) || classes < 1) {
    throw new Error(`createData: classes is ${classes}; expected an integer >= 1`);
  }
  if (!Number.isFinite(noise) || noise < 0) {
    throw new Error(`createData: noise is ${noise}; expected a finite number >= 0`);
  }
  if (seed !== undefined && !Number.isFinite(seed)) {
    throw new Error(`createData: seed is ${seed}; expected a finite number`);
  }
  const rng = new Rng(seed);
  const n = samples * classes;
  const X = Tensor.zeros([n, 2]);
  const x = X.data;
  const y = new Int32Array(n);
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < samples; i++) {
      const row = c * samples + i;
      const r = linspace(0, 1, samples, i);
      // Drawn even when noise is 0, so that the noise level only scales one fixed stream.
      const t = linspace(c * 4, (c + 1) * 4, samples, i) + rng.normal() * noise;
      x[2 * row] = r * Math.sin(t * 2.5);
      x[2 * row + 1] = r * Math.cos(t * 2.5);
      y[row] = c;
    }
  }
  return { X, y };
}

/** Entry i of numpy's linspace(start, stop, n): the ends exact, a single point at start. */
function linspace(start: number, stop: number, n: number, i: number): number {
  if (n === 1) return start;
  if (i === n - 1) return stop;
  return start + (i * (stop - start)) / (n - 1);
}
