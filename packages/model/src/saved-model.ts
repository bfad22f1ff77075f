import type { LayerConfig } from '@neunet/layers';
import type { LossConfig } from '@neunet/losses';
import type { OptimizerConfig } from '@neunet/optimizers';
import type { OptimizerName, RngState } from '@neunet/tensor';
import * as v from 'valibot';

/** The format version this build writes and the newest it reads. */
export const FORMAT_VERSION = 1;
export const FORMAT_NAME = 'neunet-model';
/** The most float32 values a file may hold (1 GiB): anything larger is taken as corrupt. */
export const MAX_VALUES = 2 ** 28;
const MAX_ITEMS = 100_000;

/** One tensor in the weights buffer: where it belongs and its shape. */
export interface SavedTensor {
  name: string;
  shape: number[];
}

export interface SavedLayer {
  config: LayerConfig;
  params: SavedTensor[];
  buffers: SavedTensor[];
  /** The state of the random stream the model handed the layer (Dropout's masks). */
  rng: RngState | null;
  /** The index in `optimizers` of the optimizer instance the layer was given, if any. */
  optimizer: number | null;
}

export interface SavedOptimizer {
  /** The model's own optimizer, the shared one for a name a layer asked for, or a layer's instance. */
  role: 'model' | 'named' | 'layer';
  name: OptimizerName | null;
  config: OptimizerConfig;
  /** The params it updates as [layer, param] indices, and per param its step count and buffers. */
  params: [number, number][];
  steps: number[];
  slots: number[];
}

/** The JSON half of a saved model; the float32 values sit in one binary buffer beside it. */
export interface SavedModel {
  format: typeof FORMAT_NAME;
  version: number;
  seed: number;
  /** The input width the layers were built for, when known. */
  inputSize: number | null;
  layers: SavedLayer[];
  loss: LossConfig | null;
  optimizers: SavedOptimizer[];
  random: { model: RngState; shuffle: RngState };
  training: { epochs: number; learningRateScale: number };
  /** Per-epoch figures; NaN and ±Infinity are stored as null, which JSON cannot hold. */
  history: Record<string, (number | null)[] | number>;
  /** Bytes of the weights buffer: every layer's params then buffers, then optimizer slots. */
  weightsByteLength: number;
  /** 'sha256:' and the hex digest of the JSON without this field followed by the weights. */
  checksum: string;
}

const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const uint32 = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(0xffffffff));
const finite = v.pipe(v.number(), v.finite());
const name = v.pipe(v.string(), v.maxLength(200));
const config = v.looseObject({ type: name });
const rngState = v.strictObject({
  s: v.strictTuple([uint32, uint32, uint32, uint32]),
  spare: v.nullable(finite),
});
const tensor = v.strictObject({
  name,
  shape: v.pipe(
    v.array(v.pipe(count, v.minValue(1), v.maxValue(MAX_VALUES))),
    v.minLength(1),
    v.maxLength(8),
  ),
});
const layer = v.strictObject({
  config,
  params: v.pipe(v.array(tensor), v.maxLength(1000)),
  buffers: v.pipe(v.array(tensor), v.maxLength(1000)),
  rng: v.nullable(rngState),
  optimizer: v.nullable(count),
});
const optimizer = v.strictObject({
  role: v.picklist(['model', 'named', 'layer']),
  name: v.nullable(v.picklist(['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'])),
  config: v.looseObject({ type: name, learningRate: v.number() }),
  params: v.pipe(v.array(v.strictTuple([count, count])), v.maxLength(MAX_ITEMS)),
  steps: v.pipe(v.array(count), v.maxLength(MAX_ITEMS)),
  slots: v.pipe(v.array(v.pipe(count, v.maxValue(16))), v.maxLength(MAX_ITEMS)),
});

/** The structure of a saved model. Meaning (shapes against layers, sizes) is checked after. */
export const savedModelSchema = v.strictObject({
  format: v.literal(FORMAT_NAME),
  version: v.literal(FORMAT_VERSION),
  seed: finite,
  inputSize: v.nullable(v.pipe(count, v.minValue(1), v.maxValue(MAX_VALUES))),
  layers: v.pipe(v.array(layer), v.maxLength(MAX_ITEMS)),
  loss: v.nullable(v.looseObject({ type: name, l1: v.number(), l2: v.number() })),
  optimizers: v.pipe(v.array(optimizer), v.minLength(1), v.maxLength(MAX_ITEMS)),
  random: v.strictObject({ model: rngState, shuffle: rngState }),
  training: v.strictObject({
    epochs: count,
    learningRateScale: v.pipe(finite, v.gtValue(0)),
  }),
  history: v.record(
    name,
    v.union([finite, v.pipe(v.array(v.nullable(finite)), v.maxLength(10_000_000))]),
  ),
  weightsByteLength: v.pipe(count, v.maxValue(MAX_VALUES * 4)),
  checksum: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/)),
});
