import type { Layer } from '@neunet/layers';
import {
  createOptimizer,
  isOptimizerName,
  type Optimizer,
  type OptimizerName,
  optimizerNames,
  type ParamGroup,
} from '@neunet/optimizers';
import type { Param } from '@neunet/tensor';

// `optimizer` is declared here, where the model builds its param groups, so that layers
// need no optimizer package: `new Dense(2, 128, { optimizer: 'adam', learningRate: 0.002 })`.
// (A line comment: TypeDoc takes the interface's description from @neunet/layers.)
declare module '@neunet/layers' {
  interface OptimizerSettings {
    /**
     * An optimizer by name (the model makes one instance per name, shared by every layer
     * that names it, at the class's default rate) or an instance of the layer's own.
     * The model's optimizer when absent. Checked when the layer is added to a model.
     */
    readonly optimizer?: OptimizerName | Optimizer;
  }
}

interface Place {
  readonly optimizer: Optimizer;
  readonly group: ParamGroup;
  readonly at: string;
}

/**
 * The optimizers a model trains with, its own first, and how its params get into their
 * groups. A layer's `optimizerSettings` are sugar for groups: layers that name the same
 * optimizer share one instance (at the class's default rate), a layer's own instance gets
 * the layer's params as a group, and every other param goes to the model's optimizer;
 * params that ask for the same optimizer and rate share one group.
 */
export class ModelOptimizers {
  private readonly list: Optimizer[];
  private readonly byName = new Map<OptimizerName, Optimizer>();

  constructor(main: Optimizer) {
    this.list = [main];
  }

  /** The model's own first, then the others in the order layers brought them. */
  get all(): readonly Optimizer[] {
    return this.list;
  }

  /**
   * The optimizers of a saved model, the model's own first. The instance for a name is
   * the one that holds the params of a layer naming it.
   */
  static restore(optimizers: readonly Optimizer[], layers: readonly Layer[]): ModelOptimizers {
    const restored = new ModelOptimizers(optimizers[0]!);
    restored.list.push(...optimizers.slice(1));
    const own = new Set(layers.flatMap((layer) => layer.params()));
    const places = placesIn(restored.list, own, 'optimizers');
    for (const layer of layers) {
      const name = layer.optimizerSettings?.optimizer;
      const place = layer.params()[0] && places.get(layer.params()[0]!);
      if (typeof name === 'string' && place && !restored.byName.has(name)) {
        restored.byName.set(name, place.optimizer);
      }
    }
    return restored;
  }

  /**
   * Puts every param of `layers` that is in no group yet into one, as its layer asks.
   * A param already in a group (placed by an earlier call, by a loaded file or by hand)
   * stays there, but must agree with what its layer asks for. Checks everything first:
   * a call that throws adds no group.
   */
  place(layers: readonly Layer[], where: string): void {
    // A layer's own instance may hold groups already: they count as placed.
    const list = [...this.list];
    for (const layer of layers) {
      const chosen = layer.optimizerSettings?.optimizer;
      if (typeof chosen === 'object' && !list.includes(chosen)) list.push(chosen);
    }
    const own = new Set(layers.flatMap((layer) => layer.params()));
    const places = placesIn(list, own, where);
    const batches: { optimizer: Optimizer; learningRate?: number; params: Param[] }[] = [];
    const created = new Map<OptimizerName, Optimizer>();
    layers.forEach((layer, l) => {
      const { optimizer: chosen, learningRate } = layer.optimizerSettings ?? {};
      const name = layerName(layer, l);
      for (const param of layer.params()) {
        const place = places.get(param);
        if (place) {
          this.checkAgrees(place, chosen, learningRate, `${where}: ${name}`, param);
          continue;
        }
        let optimizer = list[0]!;
        if (typeof chosen === 'string') {
          optimizer = this.byName.get(chosen) ?? created.get(chosen) ?? createOptimizer(chosen);
          created.set(chosen, optimizer);
        } else if (chosen) {
          optimizer = chosen;
        }
        const batch = batches.find(
          (b) => b.optimizer === optimizer && b.learningRate === learningRate,
        );
        if (batch) batch.params.push(param);
        else batches.push({ optimizer, learningRate, params: [param] });
      }
    });
    this.list.splice(0, this.list.length, ...list);
    for (const [name, optimizer] of created) {
      if (!this.byName.has(name)) {
        this.byName.set(name, optimizer);
        this.list.push(optimizer);
      }
    }
    for (const { optimizer, learningRate, params } of batches) {
      optimizer.addParamGroup(learningRate === undefined ? { params } : { params, learningRate });
    }
  }

  private checkAgrees(
    place: Place,
    chosen: OptimizerName | Optimizer | undefined,
    learningRate: number | undefined,
    where: string,
    param: Param,
  ): void {
    const wanted = typeof chosen === 'string' ? this.byName.get(chosen) : chosen;
    const sameOptimizer = chosen === undefined || wanted === place.optimizer;
    const sameRate = learningRate === undefined || learningRate === place.group.learningRate;
    if (!(sameOptimizer && sameRate)) {
      const asked = [
        chosen !== undefined &&
          `optimizer ${typeof chosen === 'string' ? `'${chosen}'` : 'instance'}`,
        learningRate !== undefined && `learningRate ${learningRate}`,
      ].filter(Boolean);
      throw new Error(
        `${where} asks for ${asked.join(' and ')}, but its param '${param.name}' is already in ${place.at} (learningRate ${place.group.learningRate}); set it in one place`,
      );
    }
  }
}

/** Checks what a layer asks for when it is added, so that a wrong name fails there. */
export function checkOptimizerSettings(layer: Layer, index: number, where: string): void {
  const settings: unknown = layer.optimizerSettings;
  if (settings === undefined) return;
  const at = `${where}: ${layerName(layer, index)}`;
  if (typeof settings !== 'object' || settings === null) {
    throw new Error(`${at}: optimizerSettings must be { optimizer?, learningRate? }`);
  }
  const { optimizer, learningRate } = settings as { optimizer?: unknown; learningRate?: unknown };
  if (optimizer !== undefined && !isOptimizerName(optimizer)) {
    checkOptimizer(optimizer, at);
  }
  if (
    learningRate !== undefined &&
    !(typeof learningRate === 'number' && Number.isFinite(learningRate) && learningRate > 0)
  ) {
    throw new Error(`${at}: learningRate must be a finite number > 0, got ${String(learningRate)}`);
  }
}

/** Throws unless `optimizer` is an optimizer instance or a name of one. */
export function checkOptimizer(optimizer: unknown, at: string): asserts optimizer is Optimizer {
  const o = optimizer as Partial<Optimizer> | null;
  const methods = ['addParamGroup', 'step', 'getConfig', 'getState', 'setState'] as const;
  if (
    typeof o !== 'object' ||
    o === null ||
    methods.some((m) => typeof o[m] !== 'function') ||
    !Array.isArray(o.paramGroups)
  ) {
    const shown = typeof optimizer === 'string' ? `'${optimizer}'` : String(optimizer);
    throw new Error(
      `${at}: unknown optimizer ${shown}; expected one of ${optimizerNames.map((n) => `'${n}'`).join(', ')} or an Optimizer (with paramGroups, ${methods.join(', ')})`,
    );
  }
}

/**
 * Where each param sits. A group may hold only the model's params: the model steps
 * every group of its optimizers, so another model's params would move with stale
 * gradients. And a param sits in one group of one optimizer.
 */
function placesIn(
  optimizers: readonly Optimizer[],
  own: ReadonlySet<Param>,
  where: string,
): Map<Param, Place> {
  const places = new Map<Param, Place>();
  optimizers.forEach((optimizer, o) => {
    optimizer.paramGroups.forEach((group, g) => {
      const at = `paramGroups[${g}] of ${describe(optimizer, o)}`;
      for (const param of group.params) {
        if (!own.has(param)) {
          throw new Error(
            `${where}: ${at} holds param '${param.name}', which is not one of this model's: an optimizer instance serves one model`,
          );
        }
        const before = places.get(param);
        if (before) {
          throw new Error(
            `${where}: param '${param.name}' is in ${before.at} and in ${at}; a param is trained by one optimizer`,
          );
        }
        places.set(param, { optimizer, group, at });
      }
    });
  });
  return places;
}

/** A layer as errors name it: its position from 1 and its type. */
export function layerName(layer: Layer, index: number): string {
  return `layer ${index + 1} (${layer.getConfig().type})`;
}

function describe(optimizer: Optimizer, index: number): string {
  const type = optimizer.getConfig().type;
  return index === 0 ? `the model's optimizer (${type})` : `optimizer ${index} (${type})`;
}
