/**
 * Export a trained `NeuralNetwork` to ONNX or to the TensorFlow.js layers format, and
 * import the latter.
 *
 * @module @neunet/export
 */
export { exportOnnx, type OnnxExportOptions } from './onnx.js';
export {
  exportTfjs,
  type TfjsArtifacts,
  type TfjsLayerConfig,
  type TfjsTopology,
  type TfjsWeightSpec,
  tfjsModelJson,
} from './tfjs.js';
export { importTfjs, type TfjsModelInput } from './tfjs-import.js';
