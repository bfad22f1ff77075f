import { activationTranslator, leakyReluTranslator, softmaxTranslator } from './activations.js';
import { batchNormalizationTranslator } from './batch-normalization.js';
import { conv2dTranslator } from './conv2d.js';
import { denseTranslator } from './dense.js';
import { dropoutTranslator } from './dropout.js';
import { flattenTranslator } from './flatten.js';
import { globalAveragePoolingTranslator } from './global-average-pooling.js';
import { inputLayerTranslator } from './input-layer.js';
import { averagePoolingTranslator, maxPoolingTranslator } from './pooling.js';
import { reshapeTranslator } from './reshape.js';
import type { LayerTranslator } from './translator.js';

const BUILT_IN: readonly LayerTranslator[] = [
  denseTranslator,
  conv2dTranslator,
  maxPoolingTranslator,
  averagePoolingTranslator,
  globalAveragePoolingTranslator,
  activationTranslator,
  softmaxTranslator,
  leakyReluTranslator,
  batchNormalizationTranslator,
  dropoutTranslator,
  flattenTranslator,
  reshapeTranslator,
  inputLayerTranslator,
];

/** By NeuNet layer type, and by tfjs class name. */
const byType = new Map<string, LayerTranslator>();
const byTfjsClass = new Map<string, LayerTranslator>();
for (const translator of BUILT_IN) add(translator);

function add(translator: LayerTranslator): void {
  for (const type of translator.types) byType.set(type, translator);
  for (const className of translator.tfjsClassNames) byTfjsClass.set(className, translator);
}

/**
 * Makes `exportOnnx`, `exportTfjs` and `importTfjs` translate the layer types and tfjs
 * classes `translator` names, as they do NeuNet's own layers: a layer type of your own
 * exports once it has a translator. Throws, registering nothing, when a type or class is
 * already translated by another translator.
 */
export function registerTranslator(translator: LayerTranslator): void {
  const types = translator?.types;
  const classNames = translator?.tfjsClassNames;
  if (!Array.isArray(types) || !Array.isArray(classNames)) {
    throw new Error(
      'registerTranslator: a translator needs types (NeuNet layer types) and tfjsClassNames (arrays, possibly empty)',
    );
  }
  const taken = [
    ...types.filter((t) => byType.has(t) && byType.get(t) !== translator),
    ...classNames.filter((c) => byTfjsClass.has(c) && byTfjsClass.get(c) !== translator),
  ];
  if (taken.length > 0) {
    throw new Error(
      `registerTranslator: ${taken.map((t) => JSON.stringify(t)).join(', ')} already has a translator`,
    );
  }
  add(translator);
}

type Export = 'toOnnx' | 'toTfjs';

/** The translator of a NeuNet layer type to a format, or an Error naming the types that have one. */
export function translatorFor(type: string, format: Export, at: string): LayerTranslator {
  const translator = byType.get(type);
  if (translator?.[format] !== undefined) return translator;
  const [where, form] =
    format === 'toOnnx' ? ['exportOnnx', 'ONNX'] : ['exportTfjs', 'TensorFlow.js'];
  const supported = [...byType].filter(([, t]) => t[format] !== undefined).map(([k]) => k);
  throw new Error(`${where}: ${at} has no ${form} form; supported: ${supported.join(', ')}`);
}

/** The translator that reads a tfjs class, or an Error naming the classes that have one. */
export function tfjsTranslatorFor(className: unknown, at: string): LayerTranslator {
  const translator = typeof className === 'string' ? byTfjsClass.get(className) : undefined;
  if (translator?.fromTfjs !== undefined) return translator;
  const supported = [...byTfjsClass].filter(([, t]) => t.fromTfjs !== undefined).map(([k]) => k);
  throw new Error(`importTfjs: ${at} is not supported; supported: ${supported.join(', ')}`);
}
