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
