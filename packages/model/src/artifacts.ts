import type { Layer } from '@neunet/layers';
import { lossFromConfig } from '@neunet/losses';
import { type Optimizer, type OptimizerState, optimizerFromConfig } from '@neunet/optimizers';
import type { OptimizerName, Param } from '@neunet/tensor';
import * as v from 'valibot';
import { checksum } from './checksum.js';
import { rebuildLayer } from './layer-registry.js';
import type { ModelArtifacts } from './model-file.js';
import { ModelFormatError } from './model-format-error.js';
import { NeuralNetwork } from './neural-network.js';
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
import type { History } from './train-options.js';

interface OptimizerEntry {
  role: SavedOptimizer['role'];
  name: OptimizerName | null;
  optimizer: Optimizer;
  params: Param[];
}

/** Everything a model needs to predict and to resume training exactly. */
export function toArtifacts(model: NeuralNetwork): ModelArtifacts {
  const where = 'NeuralNetwork.toArtifacts';
  const at = new Map<Param, [number, number]>();
  model.layers.forEach((layer, l) => {
    layer.params().forEach((param, p) => {
      at.set(param, [l, p]);
    });
  });
  const entries: OptimizerEntry[] = [
    { role: 'model', name: null, optimizer: model.optimizer, params: [] },
    ...[...model.namedOptimizers].map(([name, optimizer]) => ({
      role: 'named' as const,
      name,
      optimizer,
      params: [],
    })),
  ];
  const layerOptimizer: (number | null)[] = model.layers.map(() => null);
  for (const [param, [l]] of at) {
    const chosen = param.optimizer;
    let index = 0;
    if (typeof chosen === 'string') {
      index = entries.findIndex((e) => e.role === 'named' && e.name === chosen);
      // Not created yet: nothing has trained these params, and load creates it afresh.
      if (index < 0) continue;
    } else if (chosen) {
      if (!isOptimizer(chosen)) {
        throw new Error(
          `${where}: layer ${l + 1} (${model.layers[l]!.getConfig().type}) uses an updater that cannot save itself; give it an optimizer from @neunet/optimizers`,
        );
      }
      index = entries.findIndex((e) => e.optimizer === chosen);
      if (index < 0) {
        index = entries.length;
        entries.push({ role: 'layer', name: null, optimizer: chosen, params: [] });
      }
      if (layerOptimizer[l] !== null && layerOptimizer[l] !== index) {
        throw new Error(`${where}: layer ${l + 1} gives its params different optimizer instances`);
      }
      layerOptimizer[l] = index;
    }
    entries[index]!.params.push(param);
  }

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
    optimizer: layerOptimizer[l]!,
  }));
  const optimizers: SavedOptimizer[] = entries.map(({ role, name, optimizer, params }) => {
    const config = optimizer.getConfig();
    if (config.schedule?.type === 'custom') {
      throw new Error(
        `${where}: the ${config.type} optimizer has a hand-written schedule, which cannot be saved; use exponentialDecay, inverseTimeDecay, stepDecay or cosineDecay`,
      );
    }
    const state = optimizer.getState(params);
    for (const slots of state.slots) for (const slot of slots) chunks.push(Float32Array.from(slot));
    return {
      role,
      name,
      config,
      params: params.map((p) => at.get(p)!),
      steps: state.steps,
      slots: state.slots.map((s) => s.length),
    };
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
    inputSize: inputSize(model, where),
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

/** Rebuilds a model from `toArtifacts()`, checking everything before trusting anything. */
export function fromArtifacts(artifacts: ModelArtifacts): NeuralNetwork {
  const saved = checkArtifacts(artifacts);
  // A copy: Node's Buffer may be a view into a shared pool, at an offset Float32Array cannot take.
  const values = new Float32Array(new Uint8Array(artifacts.weights).buffer);
  const fail = (what: string, error: unknown) =>
    new ModelFormatError(`${what}: ${error instanceof Error ? error.message : String(error)}`);

  const optimizers = saved.optimizers.map((entry, i) => {
    try {
      return optimizerFromConfig(entry.config as never);
    } catch (error) {
      throw fail(`optimizers[${i}] (${entry.config.type})`, error);
    }
  });
  checkRoles(saved);

  const model = new NeuralNetwork({ seed: saved.seed, optimizer: optimizers[0]! });
  let offset = 0;
  const read = (size: number) => {
    offset += size;
    return values.subarray(offset - size, offset);
  };
  saved.layers.forEach((entry, l) => {
    const what = `layers[${l}] (${entry.config.type})`;
    checkDenseSize(entry, what);
    let layer: Layer;
    try {
      const optimizer = entry.optimizer === null ? undefined : optimizers[entry.optimizer];
      layer = rebuildLayer(entry.config, optimizer ? { optimizer } : {});
      model.add(layer);
    } catch (error) {
      throw fail(what, error);
    }
    if (l === saved.layers.length - 1 && saved.inputSize !== null && !model.inputShape) {
      try {
        model.build([saved.inputSize]);
      } catch (error) {
        throw fail(`inputSize ${saved.inputSize}`, error);
      }
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
    const what = `optimizers[${i}] (${entry.config.type})`;
    if (entry.params.length !== entry.steps.length || entry.params.length !== entry.slots.length) {
      throw new ModelFormatError(`${what}: params, steps and slots differ in length`);
    }
    const params = entry.params.map(([l, p], k) => {
      const param = allParams[l]?.[p];
      if (!param)
        throw new ModelFormatError(`${what}: params[${k}] points at no param [${l}, ${p}]`);
      return param;
    });
    const slots = params.map((param, k) =>
      Array.from({ length: entry.slots[k]! }, () => Array.from(read(param.value.size))),
    );
    const state: OptimizerState = { type: entry.config.type, steps: entry.steps, slots };
    try {
      optimizers[i]!.setState(params, state);
    } catch (error) {
      throw fail(what, error);
    }
    if (entry.role === 'named') model.namedOptimizers.set(entry.name!, optimizers[i]!);
  });

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

/** Structure, version, checksum and sizes: everything that needs no layer built. */
function checkArtifacts(artifacts: ModelArtifacts): SavedModel {
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
  const parsed = v.safeParse(savedModelSchema, topology);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new ModelFormatError(
      `model file: ${v.getDotPath(issue) ?? 'topology'}: ${issue.message}`,
    );
  }
  const saved = parsed.output as SavedModel;
  if (weights.length !== saved.weightsByteLength) {
    throw new ModelFormatError(
      `model file: the weights are ${weights.length} bytes but the topology announces ${saved.weightsByteLength}`,
    );
  }
  let values = 0;
  const size = (t: SavedTensor) => t.shape.reduce((a, b) => a * b, 1);
  for (const layer of saved.layers) {
    for (const t of [...layer.params, ...layer.buffers]) values += size(t);
  }
  for (const [i, entry] of saved.optimizers.entries()) {
    entry.params.forEach(([l, p], k) => {
      const tensor = saved.layers[l]?.params[p];
      if (!tensor) {
        throw new ModelFormatError(
          `model file: optimizers[${i}].params[${k}] points at no param [${l}, ${p}]`,
        );
      }
      values += size(tensor) * (entry.slots[k] ?? 0);
    });
  }
  if (values > MAX_VALUES) {
    throw new ModelFormatError(
      `model file: declares ${values} values, more than the ${MAX_VALUES} a model file may hold`,
    );
  }
  if (values * 4 !== weights.length) {
    throw new ModelFormatError(
      `model file: the shapes add up to ${values * 4} bytes of weights but the file holds ${weights.length}`,
    );
  }
  return saved;
}

function checkRoles(saved: SavedModel): void {
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

/** Format 1 stores the input width: the input shape of a model of one input axis. */
function inputSize(model: NeuralNetwork, where: string): number | null {
  const shape = model.inputShape;
  if (shape === undefined) return null;
  if (shape.length !== 1) {
    throw new Error(
      `${where}: model file format ${FORMAT_VERSION} stores an input width only, and this model's input shape is [${shape.join(', ')}]`,
    );
  }
  return shape[0]!;
}

/**
 * A Dense layer allocates nIn·nOut values: compare with the file before allocating any. A
 * Dense layer without nIn (`Dense({ units })` never built) has no params yet.
 */
function checkDenseSize(entry: SavedLayer, what: string): void {
  if (entry.config.type !== 'Dense') return;
  const { nIn, nOut } = entry.config;
  const [w, b] = entry.params;
  const unbuilt = nIn === undefined && entry.params.length === 0;
  if (
    !unbuilt &&
    (entry.params.length !== 2 ||
      w?.shape.join() !== `${nIn},${nOut}` ||
      b?.shape.join() !== `${nOut}`)
  ) {
    throw new ModelFormatError(
      `${what}: config nIn ${String(nIn)}, nOut ${String(nOut)} does not match the saved params ${JSON.stringify(entry.params)}`,
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
  const history: Record<string, unknown> = { loss: [], accuracy: [] };
  for (const [key, value] of Object.entries(saved)) {
    history[key] = typeof value === 'number' ? value : value.map((x) => x ?? Number.NaN);
  }
  return history as unknown as History;
}

function isOptimizer(updater: object): updater is Optimizer {
  const o = updater as Partial<Optimizer>;
  return (
    typeof o.getConfig === 'function' &&
    typeof o.getState === 'function' &&
    typeof o.setState === 'function'
  );
}
