import { checkOptions } from '@neunet/options';
import { getBackend, type Param } from '@neunet/tensor';
import type {
  GroupState,
  HyperParams,
  Optimizer,
  OptimizerConfig,
  OptimizerState,
  ParamGroup,
  ParamGroupInit,
} from './optimizer.js';
import type { Schedule, ScheduleConfig } from './schedules.js';
import { positive } from './validate.js';

interface ParamState {
  steps: number;
  readonly slots: Float32Array[];
}

/** Checks one option and returns it; `where` and `name` go into the error. */
type Check<T> = (where: string, name: string, value: T) => T;

export interface Kind<H extends HyperParams> {
  /** The class name, used in errors and as the config and state `type`. */
  readonly type: string;
  /** The check of every option a group may set: also the list of those options. */
  readonly options: { readonly [K in keyof H]: Check<H[K]> };
  /** How many float32 buffers of a param's size the update keeps under these options. */
  slots(options: H): number;
}

interface Group<H extends HyperParams> {
  readonly view: ParamGroup<H>;
  readonly params: readonly Param[];
  readonly options: H;
  readonly slots: number;
  /** Per param, allocated on its first step. */
  readonly states: (ParamState | undefined)[];
}

/**
 * The bookkeeping every optimizer shares: groups and their options, per-param state, the
 * effective learning rate, saving and restoring. Subclasses write only the element-wise
 * update.
 */
export abstract class BaseOptimizer<H extends HyperParams, C extends OptimizerConfig>
  implements Optimizer<H>
{
  readonly learningRate: number;
  readonly schedule: Schedule | undefined;
  /** The options of a group that sets none. */
  protected readonly defaults: Readonly<H>;
  private scale = 1;
  private readonly groups: Group<H>[] = [];
  private views: readonly ParamGroup<H>[] = [];
  // Which group holds a param, so that no param is updated twice per step.
  private readonly owner = new WeakMap<Param, number>();
  private readonly kind: Kind<H>;

  protected constructor(kind: Kind<H>, defaults: H, schedule: Schedule | undefined) {
    this.kind = kind;
    this.defaults = Object.freeze(this.checked(kind.type, defaults));
    this.learningRate = this.defaults.learningRate;
    if (schedule !== undefined && typeof schedule !== 'function') {
      throw new Error(
        `${kind.type}: schedule must be a function (step, baseRate) => rate, got ${typeof schedule}`,
      );
    }
    this.schedule = schedule;
  }

  /**
   * Applies one update in place. `rate` is the scheduled rate, `t` the param's update
   * count including this one (1 on the first step), `options` its group's. Reads and
   * writes float32 arrays but computes each element in float64.
   */
  protected abstract update(
    value: Float32Array,
    grad: Float32Array,
    slots: readonly Float32Array[],
    rate: number,
    t: number,
    options: H,
  ): void;

  get learningRateScale(): number {
    return this.scale;
  }

  set learningRateScale(value: number) {
    this.scale = positive(this.kind.type, 'learningRateScale', value);
  }

  get paramGroups(): readonly ParamGroup<H>[] {
    return this.views;
  }

  addParamGroup(init: ParamGroupInit<H>): this {
    const index = this.groups.length;
    const where = `${this.kind.type}.addParamGroup: paramGroups[${index}]`;
    if (typeof init !== 'object' || init === null) {
      throw new Error(`${where}: expected { params, ...options }, got ${String(init)}`);
    }
    const { params, ...given } = init;
    if (!Array.isArray(params)) {
      throw new Error(`${where}: params must be an array of Params, got ${String(params)}`);
    }
    const overrides: Partial<H> = {};
    checkOptions(where, given, Object.keys(this.kind.options));
    for (const [name, value] of Object.entries(given)) {
      if (value !== undefined) (overrides as Record<string, unknown>)[name] = value;
    }
    const options = this.checked(where, { ...this.defaults, ...overrides });
    const list = [...params] as Param[];
    const seen = new Set<Param>();
    list.forEach((param, i) => {
      const what = `${where}: params[${i}]`;
      if (typeof param?.value?.size !== 'number' || typeof param.grad?.size !== 'number') {
        throw new Error(`${what} is not a Param ({ name, value, grad } of tensors)`);
      }
      const held = this.owner.get(param);
      if (held !== undefined || seen.has(param)) {
        const other = held === undefined ? 'this group' : `paramGroups[${held}]`;
        throw new Error(
          `${what} ('${param.name}') is already in ${other}; a param belongs to one group`,
        );
      }
      seen.add(param);
    });
    for (const param of list) this.owner.set(param, index);
    const view = Object.freeze({ ...options, params: Object.freeze(list) }) as ParamGroup<H>;
    this.groups.push({
      view,
      params: list,
      options,
      slots: this.kind.slots(options),
      states: list.map(() => undefined),
    });
    this.views = Object.freeze([...this.views, view]);
    return this;
  }

  step(): void {
    // Index loops: the step runs once per batch and allocates nothing once warm.
    for (let g = 0; g < this.groups.length; g++) {
      const group = this.groups[g]!;
      const { params, options, states } = group;
      for (let i = 0; i < params.length; i++) {
        const param = params[i]!;
        if (param.grad.size !== param.value.size) {
          throw new Error(
            `${this.kind.type}.step: param '${param.name}' has ${param.value.size} values but its grad has ${param.grad.size}`,
          );
        }
        const state = states[i] ?? this.allocate(group, i);
        const rate = this.rate(options.learningRate, state.steps, param);
        state.steps += 1;
        this.update(param.value.data, param.grad.data, state.slots, rate, state.steps, options);
      }
    }
  }

  getConfig(): C {
    const { learningRate, ...own } = this.defaults;
    const { type } = this.kind;
    if (this.schedule === undefined) return { type, learningRate, ...own } as unknown as C;
    const described = (this.schedule as { config?: ScheduleConfig }).config;
    const schedule = described ?? { type: 'custom' };
    return { type, learningRate, schedule, ...own } as unknown as C;
  }

  getState(): OptimizerState {
    return {
      type: this.kind.type,
      groups: this.groups.map(({ options, states }) => ({
        options: { ...options } as unknown as GroupState['options'],
        steps: states.map((s) => s?.steps ?? 0),
        slots: states.map((s) => (s ? s.slots.map((b) => Array.from(b)) : [])),
      })),
    };
  }

  setState(state: OptimizerState): void {
    // Everything is checked before anything is written, so a bad state leaves the
    // optimizer as it was.
    this.validateState(state);
    state.groups.forEach((saved, g) => {
      const group = this.groups[g]!;
      group.params.forEach((_, i) => {
        const steps = saved.steps[i]!;
        const buffers = saved.slots[i]!;
        if (steps === 0 && buffers.length === 0) {
          group.states[i] = undefined;
          return;
        }
        const target = group.states[i] ?? this.allocate(group, i);
        target.steps = steps;
        for (let j = 0; j < buffers.length; j++) target.slots[j]!.set(buffers[j]!);
      });
    });
  }

  /** Every option checked, in the order the subclass lists them. */
  private checked(where: string, options: H): H {
    const out = {} as Record<string, unknown>;
    const checks = this.kind.options as Record<string, Check<unknown>>;
    const given = options as unknown as Record<string, unknown>;
    for (const [name, check] of Object.entries(checks)) out[name] = check(where, name, given[name]);
    return out as H;
  }

  private allocate(group: Group<H>, i: number): ParamState {
    const size = group.params[i]!.value.size;
    // In the backend's memory, where its update kernels read them without a copy.
    const backend = getBackend();
    const slots: Float32Array[] = [];
    for (let j = 0; j < group.slots; j++) slots.push(backend.allocate(size));
    const state = { steps: 0, slots };
    group.states[i] = state;
    return state;
  }

  private rate(base: number, step: number, param: Param): number {
    if (this.schedule === undefined) return base * this.scale;
    const rate = this.schedule(step, base) * this.scale;
    if (!(Number.isFinite(rate) && rate >= 0)) {
      throw new Error(
        `${this.kind.type}.step: the schedule gave rate ${String(rate)} at step ${step} of param '${param.name}'; expected a finite number >= 0`,
      );
    }
    return rate;
  }

  private validateState(state: OptimizerState): void {
    const where = `${this.kind.type}.setState`;
    if (typeof state !== 'object' || state === null) {
      throw new Error(`${where}: expected a state object from getState(), got ${String(state)}`);
    }
    if (state.type !== this.kind.type) {
      throw new Error(
        `${where}: the state was saved by ${String(state.type)}, expected ${this.kind.type}`,
      );
    }
    const groups: unknown = state.groups;
    if (!Array.isArray(groups) || groups.length !== this.groups.length) {
      throw new Error(
        `${where}: the state has ${Array.isArray(groups) ? groups.length : 'no'} groups but the optimizer has ${this.groups.length}`,
      );
    }
    groups.forEach((saved: GroupState, g) => {
      const at = `${where}: paramGroups[${g}]`;
      if (typeof saved !== 'object' || saved === null) {
        throw new Error(`${at}: expected { options, steps, slots }, got ${String(saved)}`);
      }
      this.validateGroup(at, this.groups[g]!, saved);
    });
  }

  private validateGroup(at: string, group: Group<H>, saved: GroupState): void {
    const options = group.options as unknown as Record<string, unknown>;
    const savedOptions: Record<string, unknown> = saved.options ?? {};
    for (const name of new Set([...Object.keys(options), ...Object.keys(savedOptions)])) {
      if (options[name] !== savedOptions[name]) {
        throw new Error(
          `${at}: ${name} is ${String(options[name])} here but ${String(savedOptions[name])} in the state`,
        );
      }
    }
    const { steps, slots } = saved;
    if (!Array.isArray(steps) || !Array.isArray(slots) || steps.length !== slots.length) {
      throw new Error(`${at}: expected arrays steps and slots of equal length`);
    }
    if (steps.length !== group.params.length) {
      throw new Error(
        `${at}: the state holds ${steps.length} params but the group has ${group.params.length}`,
      );
    }
    group.params.forEach((param, i) => {
      const what = `${at}: param '${param.name}' (#${i})`;
      const count = steps[i];
      if (!(typeof count === 'number' && Number.isInteger(count) && count >= 0)) {
        throw new Error(`${what}: step count must be an integer >= 0, got ${String(count)}`);
      }
      const buffers = slots[i];
      if (!Array.isArray(buffers)) {
        throw new Error(`${what}: expected an array of buffers, got ${String(buffers)}`);
      }
      const fresh = count === 0 && buffers.length === 0;
      if (!fresh && buffers.length !== group.slots) {
        throw new Error(
          `${what}: expected ${group.slots} buffers for ${this.kind.type}, got ${buffers.length}`,
        );
      }
      buffers.forEach((buffer: unknown, j) => {
        const length = isArrayLike(buffer) ? buffer.length : -1;
        if (length !== param.value.size) {
          throw new Error(
            `${what}: buffer ${j} has ${length < 0 ? 'no' : length} values, expected ${param.value.size} (the param's size)`,
          );
        }
        const values = buffer as ArrayLike<unknown>;
        for (let k = 0; k < length; k++) {
          if (typeof values[k] !== 'number') {
            throw new Error(
              `${what}: buffer ${j} value ${k} is ${typeof values[k]}, expected a number`,
            );
          }
        }
      });
    });
  }
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return (
    typeof x === 'object' && x !== null && typeof (x as { length?: unknown }).length === 'number'
  );
}
