export { loadDigits, loadMnist, type MnistOptions, type MnistSplit } from './mnist.js';
