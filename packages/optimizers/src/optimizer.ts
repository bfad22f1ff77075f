import type { Param } from '@neunet/tensor';
import type { ScheduleConfig } from './schedules.js';

/** An optimizer's settings as plain JSON: `type` is the class name. */
export interface OptimizerConfig {
  type: string;
  learningRate: number;
  /** Present when the optimizer has a schedule; `{ type: 'custom' }` for a hand-written one. */
  schedule?: ScheduleConfig;
  [option: string]: unknown;
}

/**
 * The options a param group trains with: every optimizer has a learning rate, and each
 * adds its own (Adam's betas, SGD's momentum, ...).
 */
export interface HyperParams {
  learningRate: number;
}

/**
 * A group as `addParamGroup` takes it: its params, and any of the optimizer's options to
 * set for them (the optimizer's own value for the others).
 */
export type ParamGroupInit<H extends HyperParams = HyperParams> = {
  readonly params: readonly Param[];
} & Partial<H>;

/** A group as the optimizer holds it: its params and every option it trains them with. */
export type ParamGroup<H extends HyperParams = HyperParams> = {
  readonly params: readonly Param[];
} & Readonly<H>;

/** What an optimizer remembers about one group, aligned with the group's `params`. */
export interface GroupState {
  /** The group's options when saved; `setState` checks them against the group's. */
  options: Record<string, number | boolean>;
  /** Per param, its update count (0 for a param not updated yet). */
  steps: number[];
  /** Per param, its buffers (moments, velocity, ...): one float32 value per element; none when fresh. */
  slots: number[][][];
}

/** An optimizer's state as plain JSON-friendly arrays, one entry per param group. */
export interface OptimizerState {
  /** The class name of the optimizer that saved the state. */
  type: string;
  groups: GroupState[];
}

/**
 * Updates params from their gradients. Params come in groups (as PyTorch's
 * `param_groups`), each group with its own options: one instance serves a whole model,
 * with a different learning rate (or beta, or momentum) per layer. State is kept per param
 * and allocated on its first step; `getState` and `setState` save and restore it so that
 * training resumes bit for bit.
 */
export interface Optimizer<H extends HyperParams = HyperParams> {
  /** The rate of every group that does not set its own `learningRate`. */
  readonly learningRate: number;
  /**
   * A factor on every rate the optimizer applies (every group's, scheduled or not): what
   * ReduceLROnPlateau and LearningRateScheduler change, through the model. Default 1.
   */
  learningRateScale: number;
  /** The groups in the order they were added, each with every option it trains with. */
  readonly paramGroups: readonly ParamGroup<H>[];
  /**
   * Adds params as a new group, with any of the optimizer's options set for them. Throws,
   * naming the group and the option, for a param already in a group, an option the
   * optimizer does not have or a value out of range. Returns the optimizer.
   */
  addParamGroup(group: ParamGroupInit<H>): this;
  /** Updates every param of every group from its `grad`, with its group's options. */
  step(): void;
  getConfig(): OptimizerConfig;
  /** Every group's options and its params' update counts and buffers. */
  getState(): OptimizerState;
  /**
   * Restores a `getState()` into an optimizer with the same groups (same options, params
   * of the same sizes). Everything is checked before anything is written.
   */
  setState(state: OptimizerState): void;
}
