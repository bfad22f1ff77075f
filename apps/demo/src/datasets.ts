import {
  createData,
  type Dataset,
  makeBlobs,
  makeCheckerboard,
  makeCircles,
  makeMoons,
  makeXor,
} from '@neunet/datasets';
import { Rng, type Tensor } from '@neunet/tensor';
import { makeGaussians, makePlane, type PlaneRegression } from './playground/regression-sets.js';

interface Classification {
  task: 'classification';
  description: string;
  classes: number;
  /** The points and labels; `noise` is the standard deviation of the data set's noise. */
  create(seed: number, noise: number): Dataset;
}

interface Regression {
  task: 'regression';
  description: string;
  create(seed: number, noise: number): PlaneRegression;
}

export type DatasetChoice = Classification | Regression;

/** The 2-D data sets the playground offers, by name: classifications, then regressions. */
export const DATASETS = {
  spiral: {
    task: 'classification',
    description: "the seed's interleaved spirals: 3 classes × 100 points, noise on the angle",
    classes: 3,
    create: (seed, noise) => createData({ samples: 100, classes: 3, noise, seed }),
  },
  moons: {
    task: 'classification',
    description: 'two interleaving half circles: 400 points',
    classes: 2,
    create: (seed, noise) => makeMoons({ samples: 400, noise, seed }),
  },
  circles: {
    task: 'classification',
    description: 'a circle inside a circle: 400 points, factor 0.5',
    classes: 2,
    create: (seed, noise) => makeCircles({ samples: 400, noise, factor: 0.5, seed }),
  },
  xor: {
    task: 'classification',
    description: 'the four quadrants of XOR: 400 points',
    classes: 2,
    create: (seed, noise) => makeXor({ samples: 400, noise, seed }),
  },
  blobs: {
    task: 'classification',
    description: 'four Gaussian blobs in [-1.5, 1.5]²: 400 points, spread 0.2 + noise',
    classes: 4,
    create: (seed, noise) =>
      makeBlobs({ samples: 400, centers: 4, std: 0.2 + noise, centerBox: [-1.5, 1.5], seed }),
  },
  checkerboard: {
    task: 'classification',
    description: 'a 4 × 4 checkerboard: 800 points',
    classes: 2,
    create: (seed, noise) => {
      const data = makeCheckerboard({ samples: 800, tiles: 4, seed });
      jitter(data.X, noise, seed);
      return data;
    },
  },
  plane: {
    task: 'regression',
    description: 'regression: y = (x₁ + x₂) / 2 on [-1, 1]²: 400 points, noise on y',
    create: (seed, noise) => makePlane({ samples: 400, noise, seed }),
  },
  gaussians: {
    task: 'regression',
    description: 'regression: five Gaussian hills and dips on [-1, 1]²: 400 points, noise on y',
    create: (seed, noise) => makeGaussians({ samples: 400, noise, seed }),
  },
} satisfies Record<string, DatasetChoice>;

export type DatasetName = keyof typeof DATASETS;

export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

/** Gaussian noise on the coordinates, for a data set whose generator has none. */
function jitter(X: Tensor, noise: number, seed: number): void {
  if (noise === 0) return;
  const rng = new Rng(seed + 1);
  for (let i = 0; i < X.data.length; i++) X.data[i] = X.data[i]! + noise * rng.normal();
}
