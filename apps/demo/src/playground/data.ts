import { trainTestSplit } from '@neunet/datasets';
import { Tensor } from '@neunet/tensor';
import { DATASETS } from '../datasets.js';
import { mapFeatures } from './features.js';
import type { PlaygroundSettings } from './settings.js';

/** The data stay the same across seeds, so that settings can be compared; the seed seeds the model. */
const DATA_SEED = 0;
const SPLIT_SEED = 1;

/** One side of the split: the points in the plane, their features, and their targets. */
export interface Split {
  /** [N, 2]. */
  points: Tensor;
  /** [N, features]: what the network sees. */
  X: Tensor;
  /** Class indices, or for regression [N, 1] values. */
  y: Int32Array | Tensor;
}

export interface PlaygroundData {
  task: 'classification' | 'regression';
  /** 0 for regression. */
  classes: number;
  train: Split;
  test: Split;
}

/**
 * The chosen data set with its noise, split into train and test (stratified by class for a
 * classification) and mapped to the chosen features. The page and the worker both call
 * this, so the preview shows exactly what the network will train on.
 */
export function prepareData(settings: PlaygroundSettings): PlaygroundData {
  const choice = DATASETS[settings.dataset];
  const { X, y } = choice.create(DATA_SEED, settings.noise);
  const split = trainTestSplit(X, y, {
    testSize: settings.testRatio,
    seed: SPLIT_SEED,
    stratify: choice.task === 'classification',
  });
  const side = (points: Tensor, target: Int32Array | Tensor): Split => ({
    points,
    X: mapFeatures(points, settings.features),
    y: target,
  });
  return {
    task: choice.task,
    classes: choice.task === 'classification' ? choice.classes : 0,
    train: side(split.XTrain, split.yTrain),
    test: side(split.XTest, split.yTest),
  };
}

/** A square grid over the plane: the axes' values, and every point (row by row) as [G², 2]. */
export interface PlaneGrid {
  x: number[];
  y: number[];
  points: Tensor;
}

/** The extent of the data (train and test) with a 10 % margin, as [[x₀, x₁], [y₀, y₁]]. */
export function planeExtent(data: PlaygroundData): [[number, number], [number, number]] {
  const extent = (axis: 0 | 1): [number, number] => {
    let low = Infinity;
    let high = -Infinity;
    for (const side of [data.train, data.test]) {
      const values = side.points.data;
      for (let i = axis; i < values.length; i += 2) {
        low = Math.min(low, values[i]!);
        high = Math.max(high, values[i]!);
      }
    }
    const margin = 0.1 * (high - low || 1);
    return [low - margin, high + margin];
  };
  return [extent(0), extent(1)];
}

/** `resolution` × `resolution` cell centres over the extent; point r·G + c is (x[c], y[r]). */
export function planeGrid(
  extent: [[number, number], [number, number]],
  resolution: number,
): PlaneGrid {
  const axis = ([low, high]: [number, number]) =>
    Array.from({ length: resolution }, (_, i) => low + ((i + 0.5) * (high - low)) / resolution);
  const x = axis(extent[0]);
  const y = axis(extent[1]);
  const points = new Float32Array(2 * resolution * resolution);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      points[2 * (r * resolution + c)] = x[c]!;
      points[2 * (r * resolution + c) + 1] = y[r]!;
    }
  }
  return { x, y, points: new Tensor(points, [resolution * resolution, 2]) };
}
