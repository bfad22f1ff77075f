// File format 1, as main wrote it before optimizer param groups: read, never written.
import type { LayerConfig } from '@neunet/layers';
import type { LossConfig } from '@neunet/losses';
import type { OptimizerConfig, OptimizerName } from '@neunet/optimizers';
import type { RngState } from '@neunet/tensor';
import * as v from 'valibot';
import { ModelFormatError } from './model-format-error.js';
import {
  checksum,
  config,
  count,
  FORMAT_NAME,
  FORMAT_VERSION,
  finite,
  history,
  MAX_ITEMS,
  MAX_VALUES,
  name,
  rngState,
  type SavedGroup,
  type SavedModel,
  type SavedOptimizer,
  type SavedTensor,
  tensor,
  training,
  weightsByteLength,
} from './saved-model.js';

export interface SavedLayerV1 {
  config: LayerConfig;
  params: SavedTensor[];
  buffers: SavedTensor[];
  /** The state of the random stream the model handed the layer (Dropout's masks). */
  rng: RngState | null;
  /** The index in `optimizers` of the optimizer instance the layer was given, if any. */
  optimizer: number | null;
}

export interface SavedOptimizerV1 {
  /** The model's own optimizer, the shared one for a name a layer asked for, or a layer's instance. */
  role: 'model' | 'named' | 'layer';
  name: OptimizerName | null;
  config: OptimizerConfig;
  /** The params it updates as [layer, param] indices, and per param its step count and buffers. */
  params: [number, number][];
  steps: number[];
  slots: number[];
}

/** The JSON half of a format-1 file; the float32 values sit in one binary buffer beside it. */
export interface SavedModelV1 {
  format: typeof FORMAT_NAME;
  version: 1;
  seed: number;
  /** The input width the layers were built for, when known. */
  inputSize: number | null;
  layers: SavedLayerV1[];
  loss: LossConfig | null;
  optimizers: SavedOptimizerV1[];
  random: { model: RngState; shuffle: RngState };
  training: { epochs: number; learningRateScale: number };
  /** Per-epoch figures; NaN and ±Infinity are stored as null, which JSON cannot hold. */
  history: Record<string, (number | null)[] | number>;
  /** Bytes of the weights buffer: every layer's params then buffers, then optimizer slots. */
  weightsByteLength: number;
  /** 'sha256:' and the hex digest of the JSON without this field followed by the weights. */
  checksum: string;
}

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

/** The structure of a format-1 file. Meaning (shapes against layers, sizes) is checked after. */
export const savedModelV1Schema = v.strictObject({
  format: v.literal(FORMAT_NAME),
  version: v.literal(1),
  seed: finite,
  inputSize: v.nullable(v.pipe(count, v.minValue(1), v.maxValue(MAX_VALUES))),
  layers: v.pipe(v.array(layer), v.maxLength(MAX_ITEMS)),
  loss: v.nullable(v.looseObject({ type: name, l1: v.number(), l2: v.number() })),
  optimizers: v.pipe(v.array(optimizer), v.minLength(1), v.maxLength(MAX_ITEMS)),
  random: v.strictObject({ model: rngState, shuffle: rngState }),
  training,
  history,
  weightsByteLength,
  checksum,
});

/**
 * A format-1 file as format 2 says it (its sizes already checked): the same layers; each
 * optimizer's params in groups by their layer's learningRate (in format 1 a param's rate
 * was its layer's, else its optimizer's); the optimizer buffers in the weights moved into
 * group order.
 */
export function upgradeV1(
  saved: SavedModelV1,
  values: Float32Array,
): { saved: Omit<SavedModel, 'checksum'>; values: Float32Array } {
  checkRoles(saved);
  const size = ([l, p]: [number, number]) =>
    saved.layers[l]!.params[p]!.shape.reduce((a, b) => a * b, 1);
  let from = 0;
  for (const layer of saved.layers) {
    for (const t of [...layer.params, ...layer.buffers]) from += t.shape.reduce((a, b) => a * b, 1);
  }
  const upgraded = new Float32Array(values.length);
  upgraded.set(values.subarray(0, from));
  let to = from;
  const optimizers = saved.optimizers.map((entry): SavedOptimizer => {
    const groups = new Map<number | undefined, SavedGroup>();
    // Per group, the index in `entry.params` of each of its params.
    const indices = new Map<SavedGroup, number[]>();
    const at: number[] = [];
    for (const [k, param] of entry.params.entries()) {
      at.push(from);
      from += size(param) * entry.slots[k]!;
      const rate = saved.layers[param[0]]!.config.learningRate;
      const learningRate = typeof rate === 'number' ? rate : undefined;
      let group = groups.get(learningRate);
      if (!group) {
        const options: SavedGroup['options'] = learningRate === undefined ? {} : { learningRate };
        group = { params: [], options, steps: [], slots: [] };
        groups.set(learningRate, group);
        indices.set(group, []);
      }
      indices.get(group)!.push(k);
      group.params.push(param);
      group.steps.push(entry.steps[k]!);
      group.slots.push(entry.slots[k]!);
    }
    // Each param's buffers, from where format 1 kept them to where format 2 reads them.
    for (const group of groups.values()) {
      for (const [j, param] of group.params.entries()) {
        const k = indices.get(group)![j]!;
        const length = size(param) * group.slots[j]!;
        upgraded.set(values.subarray(at[k]!, at[k]! + length), to);
        to += length;
      }
    }
    return { config: entry.config, groups: [...groups.values()] };
  });
  const { inputSize, layers, optimizers: _, version: __, ...rest } = saved;
  return {
    saved: {
      ...rest,
      version: FORMAT_VERSION,
      inputShape: inputSize === null ? null : [inputSize],
      layers: layers.map(({ optimizer: ___, ...layer }) => layer),
      optimizers,
    },
    values: upgraded,
  };
}

function checkRoles(saved: SavedModelV1): void {
  saved.optimizers.forEach((entry, i) => {
    const ok =
      (entry.role === 'model') === (i === 0) && (entry.role === 'named') === (entry.name !== null);
    if (!ok) {
      throw new ModelFormatError(
        `model file: optimizers[${i}] has role '${entry.role}' and name ${entry.name}; the first must be the model's and only named ones have a name`,
      );
    }
  });
  saved.layers.forEach((layer, l) => {
    if (layer.optimizer !== null && saved.optimizers[layer.optimizer]?.role !== 'layer') {
      throw new ModelFormatError(
        `model file: layers[${l}].optimizer ${layer.optimizer} is not a layer optimizer`,
      );
    }
  });
}
