/**
 * Export a trained `NeuralNetwork` to ONNX or to the TensorFlow.js layers format, and
 * import the latter; `registerTranslator` adds a layer type of your own to both.
 *
 * @module @neunet/export
 */
export { exportOnnx, type OnnxExportOptions } from './onnx.js';
export type { Layout as OnnxLayout, OnnxLayerContext } from './onnx-graph.js';
export type { OnnxAttribute, OnnxNode } from './onnx-proto.js';
export {
  exportTfjs,
  type TfjsArtifacts,
  type TfjsLayerConfig,
  type TfjsTopology,
  type TfjsWeightSpec,
  tfjsModelJson,
} from './tfjs.js';
export { importTfjs, type TfjsModelInput } from './tfjs-import.js';
export { registerTranslator } from './translators/registry.js';
export type {
  ImportedLayer,
  LayerTranslator,
  TfjsExportContext,
  TfjsImportContext,
} from './translators/translator.js';
