export { oneHot } from './one-hot.js';
export { createData, type Dataset, type SpiralOptions } from './spiral.js';
export {
  type TrainTestSplit,
  type TrainTestSplitOptions,
  trainTestSplit,
} from './train-test-split.js';
