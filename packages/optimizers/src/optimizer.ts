import type { Param, ParamUpdater } from '@neunet/tensor';
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
 * What an optimizer remembers, as plain JSON-friendly arrays aligned with the `params`
 * passed to `getState`: per param its update count and its buffers (moments, velocity,
 * ...), each holding one float32 value per element of the param. A param the optimizer
 * has not updated yet has 0 steps and no buffers.
 */
export interface OptimizerState {
  /** The class name of the optimizer that saved the state. */
  type: string;
  steps: number[];
  slots: number[][][];
}

/**
 * Updates params from their gradients. State is kept per Param object and allocated on a
 * param's first step, so one optimizer can serve any set of params; `getState` and
 * `setState` save and restore it so that training resumes bit for bit.
 */
export interface Optimizer extends ParamUpdater {
  /** The base rate for params that do not set their own `learningRate`. */
  readonly learningRate: number;
  /**
   * A factor on every rate the optimizer applies (its own, a param's own, a scheduled
   * one): what ReduceLROnPlateau and LearningRateScheduler change. Default 1.
   */
  learningRateScale?: number;
  step(params: readonly Param[]): void;
  getConfig(): OptimizerConfig;
  getState(params: readonly Param[]): OptimizerState;
  setState(params: readonly Param[], state: OptimizerState): void;
}
