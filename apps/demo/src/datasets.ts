import { createData, type Dataset } from '@neunet/datasets';

export interface DatasetChoice {
  description: string;
  classes: number;
  create(seed: number): Dataset;
}

/** The data sets `--dataset` and the playground offer, by name. */
export const DATASETS = {
  spiral: {
    description: "the seed's interleaved spirals: 3 classes × 100 points",
    classes: 3,
    create: (seed: number) => createData({ samples: 100, classes: 3, seed }),
  },
} satisfies Record<string, DatasetChoice>;

export type DatasetName = keyof typeof DATASETS;

export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];
