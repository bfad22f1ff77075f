import type { LayerConfig } from '@neunet/layers';
import type { LossConfig } from '@neunet/losses';
import type { OptimizerConfig } from '@neunet/optimizers';
import type { RngState } from '@neunet/tensor';
import * as v from 'valibot';

/** The format version this build writes and the newest it reads (it reads 1 too). */
export const FORMAT_VERSION = 2;
export const FORMAT_NAME = 'neunet-model';
/** The most float32 values a file may hold (1 GiB): anything larger is taken as corrupt. */
export const MAX_VALUES = 2 ** 28;
export const MAX_ITEMS = 100_000;

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
}

/** One param group of an optimizer. */
export interface SavedGroup {
  /** The group's params as [layer, param] indices into `layers`. */
  params: [number, number][];
  /** The group's options (`save` lists every one; any left out are the optimizer's own). */
  options: Record<string, number | boolean>;
  /** Per param: its update count, and how many buffers of its size it has in the weights. */
  steps: number[];
  slots: number[];
}

export interface SavedOptimizer {
  /** The optimizer's own settings, as `optimizerFromConfig` takes them. */
  config: OptimizerConfig;
  groups: SavedGroup[];
}

/** The JSON half of a saved model; the float32 values sit in one binary buffer beside it. */
export interface SavedModel {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  seed: number;
  /** The shape of one sample the layers were built for, when known. */
  inputShape: number[] | null;
  layers: SavedLayer[];
  loss: LossConfig | null;
  /** The model's own optimizer first, then the others its layers asked for. */
  optimizers: SavedOptimizer[];
  random: { model: RngState; shuffle: RngState };
  training: { epochs: number; learningRateScale: number };
  /** Per-epoch figures; NaN and ±Infinity are stored as null, which JSON cannot hold. */
  history: Record<string, (number | null)[] | number>;
  /**
   * Bytes of the weights buffer: every layer's params then buffers, then for each
   * optimizer, each group, each param, its buffers.
   */
  weightsByteLength: number;
  /** 'sha256:' and the hex digest of the JSON without this field followed by the weights. */
  checksum: string;
}

export const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const uint32 = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(0xffffffff));
export const finite = v.pipe(v.number(), v.finite());
export const name = v.pipe(v.string(), v.maxLength(200));
export const config = v.looseObject({ type: name });
export const rngState = v.strictObject({
  s: v.strictTuple([uint32, uint32, uint32, uint32]),
  spare: v.nullable(finite),
});
const dimension = v.pipe(count, v.minValue(1), v.maxValue(MAX_VALUES));
export const tensor = v.strictObject({
  name,
  shape: v.pipe(v.array(dimension), v.minLength(1), v.maxLength(8)),
});
export const training = v.strictObject({
  epochs: count,
  learningRateScale: v.pipe(finite, v.gtValue(0)),
});
export const history = v.record(
  name,
  v.union([finite, v.pipe(v.array(v.nullable(finite)), v.maxLength(10_000_000))]),
);
export const weightsByteLength = v.pipe(count, v.maxValue(MAX_VALUES * 4));
export const checksum = v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/));
const items = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(MAX_ITEMS));

const layer = v.strictObject({
  config,
  params: v.pipe(v.array(tensor), v.maxLength(1000)),
  buffers: v.pipe(v.array(tensor), v.maxLength(1000)),
  rng: v.nullable(rngState),
});
const group = v.strictObject({
  params: items(v.strictTuple([count, count])),
  options: v.pipe(v.record(name, v.union([finite, v.boolean()])), v.maxEntries(100)),
  steps: items(count),
  slots: items(v.pipe(count, v.maxValue(16))),
});
const optimizer = v.strictObject({
  config: v.looseObject({ type: name, learningRate: v.number() }),
  groups: items(group),
});

/** The structure of a saved model. Meaning (shapes against layers, sizes) is checked after. */
export const savedModelSchema = v.strictObject({
  format: v.literal(FORMAT_NAME),
  version: v.literal(FORMAT_VERSION),
  seed: finite,
  inputShape: v.nullable(v.pipe(v.array(dimension), v.minLength(1), v.maxLength(8))),
  layers: items(layer),
  loss: v.nullable(v.looseObject({ type: name, l1: v.number(), l2: v.number() })),
  optimizers: v.pipe(v.array(optimizer), v.minLength(1), v.maxLength(MAX_ITEMS)),
  random: v.strictObject({ model: rngState, shuffle: rngState }),
  training,
  history,
  weightsByteLength,
  checksum,
});
