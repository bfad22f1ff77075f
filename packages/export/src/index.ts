/**
 * Export a trained `NeuralNetwork` to ONNX or to the TensorFlow.js layers format, and
 * import the latter.
 *
 * @module @neunet/export
 */
export { exportOnnx, type OnnxExportOptions } from './onnx.js';
export {
  exportTfjs,
  importTfjs,
  type TfjsArtifacts,
  type TfjsLayerConfig,
  type TfjsModelInput,
  type TfjsTopology,
  type TfjsWeightSpec,
  tfjsModelJson,
} from './tfjs.js';
