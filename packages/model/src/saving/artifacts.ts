import type { Layer } from '@neunet/layers';
import { lossFromConfig } from '@neunet/losses';
import { optimizerFromConfig, type ParamGroupInit } from '@neunet/optimizers';
import type { Param } from '@neunet/tensor';
import * as v from 'valibot';
import type { NeuralNetwork, NeuralNetworkOptions } from '../neural-network.js';
import type { History } from '../train-options.js';
import { checksum } from './checksum.js';
import { rebuildLayer } from './layer-registry.js';
import type { ModelArtifacts } from './model-file.js';
import { ModelFormatError } from './model-format-error.js';
import { checkAddsAsChecked, checkSavedLayerShapes } from './saved-layer-shapes.js';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  MAX_VALUES,
  type SavedLayer,
  type SavedModel,
  type SavedOptimizer,
  type SavedTensor,
  savedModelSchema,
} from './saved-model.js';
import { type SavedModelV1, savedModelV1Schema, upgradeV1 } from './saved-model-v1.js';

/** Everything a model needs to predict and to resume training exactly. */
export function toArtifacts(model: NeuralNetwork): ModelArtifacts {
  const where = 'NeuralNetwork.toArtifacts';
  // The groups the layers ask for, as training would make them: the file then holds them.
  model.groupParams(where);
  const at = new Map<Param, [number, number]>();
  model.layers.forEach((layer, l) => {
    layer.params().forEach((param, p) => {
      at.set(param, [l, p]);
    });
  });

  const chunks: Float32Array[] = [];
  const tensors = (
    list: { name: string; value: { shape: readonly number[]; data: Float32Array } }[],
  ) =>
    list.map(({ name, value }): SavedTensor => {
      chunks.push(value.data);
      return { name, shape: [...value.shape] };
    });
  const random = model.randomState();
  const layers: SavedLayer[] = model.layers.map((layer, l) => ({
    config: layer.getConfig(),
    params: tensors(layer.params()),
    buffers: tensors(layer.buffers?.() ?? []),
    rng: random.layers[l] ?? null,
  }));
  const optimizers = model.optimizers.map((optimizer): SavedOptimizer => {
    const config = optimizer.getConfig();
    if (config.schedule?.type === 'custom') {
      throw new Error(
        `${where}: the ${config.type} optimizer has a hand-written schedule, which cannot be saved; use exponentialDecay, inverseTimeDecay, stepDecay or cosineDecay`,
      );
    }
    const state = optimizer.getState();
    const groups = optimizer.paramGroups.map((group, g) => {
      const { options, steps, slots } = state.groups[g]!;
      for (const buffers of slots) for (const b of buffers) chunks.push(Float32Array.from(b));
      // groupParams checked that every param of every group is one of the model's.
      const params = group.params.map((param) => at.get(param)!);
      return { params, options, steps, slots: slots.map((buffers) => buffers.length) };
    });
    return { config, groups };
  });

  const total = chunks.reduce((sum, c) => sum + c.length, 0);
  const values = new Float32Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    values.set(chunk, offset);
    offset += chunk.length;
  }
  const weights = new Uint8Array(values.buffer);
  const body: Omit<SavedModel, 'checksum'> = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    seed: model.seed,
    inputShape: model.inputShape ? [...model.inputShape] : null,
    layers,
    loss: model.loss?.getConfig() ?? null,
    optimizers,
    random: { model: random.model, shuffle: random.shuffle },
    training: { epochs: model.epochsTrained, learningRateScale: model.learningRateScale },
    history: saveHistory(model.history),
    weightsByteLength: weights.length,
  };
  return { topology: { ...body, checksum: checksum(JSON.stringify(body), weights) }, weights };
}

/**
 * Rebuilds a model from `toArtifacts()` (format 2, or format 1 as main wrote it before
 * param groups), checking everything before trusting anything. The model class is handed
 * in (`create`) so that saving imports it as a type only: no import cycle.
 */
export function fromArtifacts(
  artifacts: ModelArtifacts,
  create: (options: NeuralNetworkOptions) => NeuralNetwork,
): NeuralNetwork {
  const { saved, values } = checkArtifacts(artifacts);
  const fail = (what: string, error: unknown) =>
    new ModelFormatError(`${what}: ${error instanceof Error ? error.message : String(error)}`);

  const optimizers = saved.optimizers.map((entry, i) => {
    try {
      return optimizerFromConfig(entry.config as never);
    } catch (error) {
      throw fail(`optimizers[${i}] (${entry.config.type})`, error);
    }
  });

  // Given up front, so that a first layer's own inputShape (Dense(nIn, nOut): [nIn]) does
  // not stand in for a saved shape of several axes.
  let model: NeuralNetwork;
  try {
    model = create({
      seed: saved.seed,
      optimizer: optimizers[0]!,
      ...(saved.inputShape !== null && { inputShape: saved.inputShape }),
    });
  } catch (error) {
    throw fail('inputShape', error);
  }
  let offset = 0;
  const read = (size: number) => {
    offset += size;
    return values.subarray(offset - size, offset);
  };
  // Every layer's params against its config first: nothing is built before all agree.
  const checked = checkSavedLayerShapes(saved.inputShape, saved.layers);
  saved.layers.forEach((entry, l) => {
    const what = `layers[${l}] (${entry.config.type})`;
    let layer: Layer;
    try {
      layer = checked[l]!.layer ?? rebuildLayer(entry.config);
      checkAddsAsChecked(model, layer, checked[l]!);
      model.add(layer);
    } catch (error) {
      throw fail(what, error);
    }
  });
  saved.layers.forEach((entry, l) => {
    const layer = model.layers[l]!;
    const what = `layers[${l}] (${entry.config.type})`;
    const params = layer.params().map((p) => ({ name: p.name, value: p.value }));
    for (const [kind, actual, declared] of [
      ['params', params, entry.params],
      ['buffers', layer.buffers?.() ?? [], entry.buffers],
    ] as const) {
      if (actual.length !== declared.length) {
        throw new ModelFormatError(
          `${what}: the file lists ${declared.length} ${kind}, the layer has ${actual.length}`,
        );
      }
      actual.forEach((tensor, i) => {
        const want = declared[i]!;
        if (tensor.name !== want.name || tensor.value.shape.join() !== want.shape.join()) {
          throw new ModelFormatError(
            `${what}: ${kind}[${i}] is '${want.name}' [${want.shape.join(', ')}] in the file but '${tensor.name}' [${tensor.value.shape.join(', ')}] in the layer`,
          );
        }
        tensor.value.data.set(read(tensor.value.size));
      });
    }
  });

  const allParams = model.layers.map((layer) => layer.params());
  saved.optimizers.forEach((entry, i) => {
    const optimizer = optimizers[i]!;
    const state = entry.groups.map((group, g) => {
      const what = `optimizers[${i}].groups[${g}] (${entry.config.type})`;
      const params = group.params.map(([l, p], k) => {
        const param = allParams[l]?.[p];
        if (!param) {
          throw new ModelFormatError(`${what}: params[${k}] points at no param [${l}, ${p}]`);
        }
        return param;
      });
      const slots = params.map((param, k) =>
        Array.from({ length: group.slots[k]! }, () => Array.from(read(param.value.size))),
      );
      try {
        optimizer.addParamGroup({ ...group.options, params } as ParamGroupInit);
      } catch (error) {
        throw fail(what, error);
      }
      const options = optimizer.getState().groups[g]!.options;
      return { options, steps: group.steps, slots };
    });
    try {
      optimizer.setState({ type: entry.config.type, groups: state });
    } catch (error) {
      throw fail(`optimizers[${i}] (${entry.config.type})`, error);
    }
  });
  try {
    model.restoreOptimizers(optimizers);
    model.groupParams('the layers and the optimizer groups disagree');
  } catch (error) {
    throw fail('optimizers', error);
  }

  if (saved.loss) {
    try {
      model.setLoss(lossFromConfig(saved.loss));
    } catch (error) {
      throw fail('loss', error);
    }
  }
  try {
    model.setRandomState({
      ...saved.random,
      layers: saved.layers.map((entry) => entry.rng),
    });
  } catch (error) {
    throw fail('random', error);
  }
  model.epochsTrained = saved.training.epochs;
  model.learningRateScale = saved.training.learningRateScale;
  model.history = loadHistory(saved.history);
  return model;
}

// Until layers are built from shapes: a model here is built from the width of a sample.

/**
 * Structure, version, checksum and sizes: everything that needs no layer built. A
 * format-1 file comes out as format 2.
 */
function checkArtifacts(artifacts: ModelArtifacts): {
  saved: Omit<SavedModel, 'checksum'>;
  values: Float32Array;
} {
  if (typeof artifacts !== 'object' || artifacts === null) {
    throw new ModelFormatError('model artifacts: expected { topology, weights }');
  }
  const { topology, weights } = artifacts;
  if (!(weights instanceof Uint8Array)) {
    throw new ModelFormatError('model artifacts: weights must be a Uint8Array');
  }
  if (typeof topology !== 'object' || topology === null || Array.isArray(topology)) {
    throw new ModelFormatError('model artifacts: topology must be a JSON object');
  }
  const header = topology as { format?: unknown; version?: unknown; checksum?: unknown };
  if (header.format !== FORMAT_NAME) {
    throw new ModelFormatError(
      `model file: format is ${JSON.stringify(header.format)}, expected "${FORMAT_NAME}": not a NeuNet model`,
    );
  }
  if (typeof header.version === 'number' && header.version > FORMAT_VERSION) {
    throw new ModelFormatError(
      `model file: format version ${header.version} is newer than this @neunet/model reads (up to ${FORMAT_VERSION}); update @neunet/model`,
    );
  }
  const { checksum: expected, ...body } = topology;
  let actual: string;
  try {
    actual = checksum(JSON.stringify(body), weights);
  } catch (error) {
    throw new ModelFormatError(
      `model file: cannot serialise the topology: ${(error as Error).message}`,
    );
  }
  if (actual !== expected) {
    throw new ModelFormatError(
      `model file: checksum mismatch (file says ${String(expected).slice(0, 80)}, content gives ${actual}): the file was damaged or edited after saving`,
    );
  }
  const v1 = header.version === 1;
  const parsed = v.safeParse(v1 ? savedModelV1Schema : savedModelSchema, topology);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new ModelFormatError(
      `model file: ${v.getDotPath(issue) ?? 'topology'}: ${issue.message}`,
    );
  }
  const saved = parsed.output as SavedModel | SavedModelV1;
  if (weights.length !== saved.weightsByteLength) {
    throw new ModelFormatError(
      `model file: the weights are ${weights.length} bytes but the topology announces ${saved.weightsByteLength}`,
    );
  }
  const slotted =
    saved.version === 1
      ? saved.optimizers.map((entry, i) => ({ ...entry, where: `optimizers[${i}]` }))
      : saved.optimizers.flatMap((entry, i) =>
          entry.groups.map((group, g) => ({ ...group, where: `optimizers[${i}].groups[${g}]` })),
        );
  checkSizes(saved.layers, slotted, weights.length);
  // A copy: Node's Buffer may be a view into a shared pool, at an offset Float32Array cannot take.
  const values = new Float32Array(new Uint8Array(weights).buffer);
  return saved.version === 1 ? upgradeV1(saved, values) : { saved, values };
}

/** Every index points at a param, and the shapes add up to the weights' length. */
function checkSizes(
  layers: readonly { params: SavedTensor[]; buffers: SavedTensor[] }[],
  slotted: readonly {
    where: string;
    params: [number, number][];
    steps: number[];
    slots: number[];
  }[],
  byteLength: number,
): void {
  let values = 0;
  const size = (t: SavedTensor) => t.shape.reduce((a, b) => a * b, 1);
  for (const layer of layers) {
    for (const t of [...layer.params, ...layer.buffers]) values += size(t);
  }
  for (const { where, params, steps, slots } of slotted) {
    if (params.length !== steps.length || params.length !== slots.length) {
      throw new ModelFormatError(`model file: ${where}: params, steps and slots differ in length`);
    }
    params.forEach(([l, p], k) => {
      const tensor = layers[l]?.params[p];
      if (!tensor) {
        throw new ModelFormatError(
          `model file: ${where}.params[${k}] points at no param [${l}, ${p}]`,
        );
      }
      values += size(tensor) * slots[k]!;
    });
  }
  if (values > MAX_VALUES) {
    throw new ModelFormatError(
      `model file: declares ${values} values, more than the ${MAX_VALUES} a model file may hold`,
    );
  }
  if (values * 4 !== byteLength) {
    throw new ModelFormatError(
      `model file: the shapes add up to ${values * 4} bytes of weights but the file holds ${byteLength}`,
    );
  }
}

function saveHistory(history: History): SavedModel['history'] {
  const out: SavedModel['history'] = {};
  for (const [key, value] of Object.entries(history)) {
    if (typeof value === 'number') out[key] = value;
    else if (Array.isArray(value) && value.every((x) => typeof x === 'number')) {
      out[key] = value.map((x: number) => (Number.isFinite(x) ? x : null));
    }
  }
  return out;
}

function loadHistory(saved: SavedModel['history']): History {
  const history: Record<string, unknown> = { loss: [] };
  for (const [key, value] of Object.entries(saved)) {
    // A series never measured is absent; files saved before that rule hold it empty.
    if (Array.isArray(value) && value.length === 0 && key !== 'loss') continue;
    history[key] = typeof value === 'number' ? value : value.map((x) => x ?? Number.NaN);
  }
  return history as unknown as History;
}
