import { getBackend, type Param } from '@neunet/tensor';
import type { Optimizer, OptimizerConfig, OptimizerState } from './optimizer.js';
import type { Schedule, ScheduleConfig } from './schedules.js';
import { positive } from './validate.js';

interface ParamState {
  steps: number;
  readonly slots: Float32Array[];
}

interface Kind {
  /** The class name, used in errors and as the config and state `type`. */
  readonly type: string;
  /** How many float32 buffers of the param's size the update keeps. */
  readonly slots: number;
}

/**
 * The bookkeeping every optimizer shares: per-param state, the effective learning rate and
 * saving/restoring. Subclasses write only the element-wise update.
 */
export abstract class BaseOptimizer implements Optimizer {
  readonly learningRate: number;
  readonly schedule: Schedule | undefined;
  private scale = 1;
  // Keyed by the Param object, which layers hand over unchanged every step; weakly, so that
  // the state of a param nobody holds any more is collected with it.
  private readonly states = new WeakMap<Param, ParamState>();
  private readonly kind: Kind;

  protected constructor(kind: Kind, learningRate: number, schedule: Schedule | undefined) {
    this.kind = kind;
    this.learningRate = positive(kind.type, 'learningRate', learningRate);
    if (schedule !== undefined && typeof schedule !== 'function') {
      throw new Error(
        `${kind.type}: schedule must be a function (step, baseRate) => rate, got ${typeof schedule}`,
      );
    }
    this.schedule = schedule;
  }

  /**
   * Applies one update in place. `rate` is the scheduled rate, `t` the param's update
   * count including this one (1 on the first step). Reads and writes float32 arrays but
   * computes each element in float64.
   */
  protected abstract update(
    value: Float32Array,
    grad: Float32Array,
    slots: readonly Float32Array[],
    rate: number,
    t: number,
  ): void;

  abstract getConfig(): OptimizerConfig;

  get learningRateScale(): number {
    return this.scale;
  }

  set learningRateScale(value: number) {
    this.scale = positive(this.kind.type, 'learningRateScale', value);
  }

  step(params: readonly Param[]): void {
    for (let i = 0; i < params.length; i++) {
      const param = params[i]!;
      if (param.grad.size !== param.value.size) {
        throw new Error(
          `${this.kind.type}.step: param '${param.name}' has ${param.value.size} values but its grad has ${param.grad.size}`,
        );
      }
      const state = this.states.get(param) ?? this.allocate(param);
      const rate = this.rateFor(param, state.steps);
      state.steps += 1;
      this.update(param.value.data, param.grad.data, state.slots, rate, state.steps);
    }
  }

  getState(params: readonly Param[]): OptimizerState {
    const steps: number[] = [];
    const slots: number[][][] = [];
    for (const param of params) {
      const state = this.states.get(param);
      steps.push(state?.steps ?? 0);
      slots.push(state ? state.slots.map((s) => Array.from(s)) : []);
    }
    return { type: this.kind.type, steps, slots };
  }

  setState(params: readonly Param[], state: OptimizerState): void {
    // Everything is checked before anything is written, so a bad state leaves the
    // optimizer as it was.
    this.validateState(params, state);
    for (let i = 0; i < params.length; i++) {
      const param = params[i]!;
      const steps = state.steps[i]!;
      const saved = state.slots[i]!;
      if (steps === 0 && saved.length === 0) {
        this.states.delete(param);
        continue;
      }
      const target = this.states.get(param) ?? this.allocate(param);
      target.steps = steps;
      for (let j = 0; j < saved.length; j++) target.slots[j]!.set(saved[j]!);
    }
  }

  /** The config fields every optimizer shares, for subclasses to spread into theirs. */
  protected baseConfig(): { learningRate: number; schedule?: ScheduleConfig } {
    if (this.schedule === undefined) return { learningRate: this.learningRate };
    const described = (this.schedule as { config?: ScheduleConfig }).config;
    return { learningRate: this.learningRate, schedule: described ?? { type: 'custom' } };
  }

  private allocate(param: Param): ParamState {
    const slots: Float32Array[] = [];
    // In the backend's memory, where its update kernels read them without a copy.
    const backend = getBackend();
    for (let j = 0; j < this.kind.slots; j++) slots.push(backend.allocate(param.value.size));
    const state = { steps: 0, slots };
    this.states.set(param, state);
    return state;
  }

  private rateFor(param: Param, step: number): number {
    const own = param.learningRate;
    if (own !== undefined && !(Number.isFinite(own) && own > 0)) {
      throw new Error(
        `${this.kind.type}.step: param '${param.name}' has learningRate ${String(own)}; expected a finite number > 0`,
      );
    }
    const base = own ?? this.learningRate;
    if (this.schedule === undefined) return base * this.scale;
    const rate = this.schedule(step, base) * this.scale;
    if (!(Number.isFinite(rate) && rate >= 0)) {
      throw new Error(
        `${this.kind.type}.step: the schedule gave rate ${String(rate)} at step ${step} of param '${param.name}'; expected a finite number >= 0`,
      );
    }
    return rate;
  }

  private validateState(params: readonly Param[], state: OptimizerState): void {
    const where = `${this.kind.type}.setState`;
    if (typeof state !== 'object' || state === null) {
      throw new Error(`${where}: expected a state object from getState(), got ${String(state)}`);
    }
    if (state.type !== this.kind.type) {
      throw new Error(
        `${where}: the state was saved by ${String(state.type)}, expected ${this.kind.type}`,
      );
    }
    const { steps, slots } = state;
    if (!Array.isArray(steps) || !Array.isArray(slots) || steps.length !== slots.length) {
      throw new Error(`${where}: expected arrays steps and slots of equal length`);
    }
    if (steps.length !== params.length) {
      throw new Error(
        `${where}: the state holds ${steps.length} params but ${params.length} were given`,
      );
    }
    for (let i = 0; i < params.length; i++) {
      const param = params[i]!;
      const at = `${where}: param '${param.name}' (#${i})`;
      const count = steps[i];
      if (!(typeof count === 'number' && Number.isInteger(count) && count >= 0)) {
        throw new Error(`${at}: step count must be an integer >= 0, got ${String(count)}`);
      }
      const buffers = slots[i];
      if (!Array.isArray(buffers)) {
        throw new Error(`${at}: expected an array of buffers, got ${String(buffers)}`);
      }
      const fresh = count === 0 && buffers.length === 0;
      if (!fresh && buffers.length !== this.kind.slots) {
        throw new Error(
          `${at}: expected ${this.kind.slots} buffers for ${this.kind.type}, got ${buffers.length}`,
        );
      }
      for (let j = 0; j < buffers.length; j++) {
        const buffer: unknown = buffers[j];
        const length = isArrayLike(buffer) ? buffer.length : -1;
        if (length !== param.value.size) {
          throw new Error(
            `${at}: buffer ${j} has ${length < 0 ? 'no' : length} values, expected ${param.value.size} (the param's size)`,
          );
        }
        const values = buffer as ArrayLike<unknown>;
        for (let k = 0; k < length; k++) {
          if (typeof values[k] !== 'number') {
            throw new Error(
              `${at}: buffer ${j} value ${k} is ${typeof values[k]}, expected a number`,
            );
          }
        }
      }
    }
  }
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return (
    typeof x === 'object' && x !== null && typeof (x as { length?: unknown }).length === 'number'
  );
}
