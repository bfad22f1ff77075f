import {
  createData,
  type Dataset,
  makeBlobs,
  makeCheckerboard,
  makeCircles,
  makeMoons,
  makeXor,
} from '@neunet/datasets';

export interface DatasetChoice {
  description: string;
  classes: number;
  create(seed: number): Dataset;
}

/** The 2-D data sets the playground offers, by name. */
export const DATASETS = {
  spiral: {
    description: "the seed's interleaved spirals: 3 classes × 100 points",
    classes: 3,
    create: (seed: number) => createData({ samples: 100, classes: 3, seed }),
  },
  moons: {
    description: 'two interleaving half circles: 400 points, noise 0.1',
    classes: 2,
    create: (seed: number) => makeMoons({ samples: 400, noise: 0.1, seed }),
  },
  circles: {
    description: 'a circle inside a circle: 400 points, noise 0.05, factor 0.5',
    classes: 2,
    create: (seed: number) => makeCircles({ samples: 400, noise: 0.05, factor: 0.5, seed }),
  },
  xor: {
    description: 'the four quadrants of XOR: 400 points',
    classes: 2,
    create: (seed: number) => makeXor({ samples: 400, noise: 0.1, seed }),
  },
  blobs: {
    description: 'four Gaussian blobs: 400 points',
    classes: 4,
    create: (seed: number) => makeBlobs({ samples: 400, centers: 4, std: 1.5, seed }),
  },
  checkerboard: {
    description: 'a 4 × 4 checkerboard: 800 points',
    classes: 2,
    create: (seed: number) => makeCheckerboard({ samples: 800, tiles: 4, seed }),
  },
} satisfies Record<string, DatasetChoice>;

export type DatasetName = keyof typeof DATASETS;

export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];
