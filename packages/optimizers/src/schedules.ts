import { checkOptions, optionKeys } from '@neunet/options';
import { boolean, nonNegative, positive, positiveInteger } from './validate.js';

/**
 * A learning-rate schedule: the rate for a param's update number `step` (0 for its first
 * update), given its base rate (the param's own `learningRate`, else the optimizer's).
 * Steps are counted per param, so a layer added later starts its schedule from the top.
 */
export type Schedule = (step: number, baseRate: number) => number;

/** A schedule as plain JSON, as it appears in an optimizer's `getConfig()`. */
export interface ScheduleConfig {
  type: string;
  [option: string]: unknown;
}

/** A schedule made by one of the factories here: it carries its config so that it can be saved. */
export interface DescribedSchedule extends Schedule {
  readonly config: ScheduleConfig;
}

function describe(schedule: Schedule, config: ScheduleConfig): DescribedSchedule {
  return Object.assign(schedule, { config });
}

export interface ExponentialDecayOptions {
  /** The factor the rate is multiplied by every `decaySteps` steps. */
  decayRate: number;
  decaySteps: number;
  /** Decay in whole jumps every `decaySteps` steps instead of smoothly. Default false. */
  staircase?: boolean;
}

const EXPONENTIAL_DECAY_OPTIONS = optionKeys<ExponentialDecayOptions>()([
  'decayRate',
  'decaySteps',
  'staircase',
]);

/** rate = base · decayRate^(step / decaySteps), the exponent floored when `staircase`. */
export function exponentialDecay(options: ExponentialDecayOptions): DescribedSchedule {
  checkOptions('exponentialDecay', options, EXPONENTIAL_DECAY_OPTIONS);
  const where = 'exponentialDecay';
  const decayRate = positive(where, 'decayRate', options.decayRate);
  const decaySteps = positive(where, 'decaySteps', options.decaySteps);
  const staircase = boolean(where, 'staircase', options.staircase ?? false);
  return describe(
    (step, base) => {
      const p = step / decaySteps;
      return base * decayRate ** (staircase ? Math.floor(p) : p);
    },
    { type: 'exponentialDecay', decayRate, decaySteps, staircase },
  );
}

export interface InverseTimeDecayOptions {
  decay: number;
}

const INVERSE_TIME_DECAY_OPTIONS = optionKeys<InverseTimeDecayOptions>()(['decay']);

/** rate = base / (1 + decay · step): the decay of the seed (and of nnfs). */
export function inverseTimeDecay(options: InverseTimeDecayOptions): DescribedSchedule {
  checkOptions('inverseTimeDecay', options, INVERSE_TIME_DECAY_OPTIONS);
  const decay = nonNegative('inverseTimeDecay', 'decay', options.decay);
  return describe((step, base) => base / (1 + decay * step), { type: 'inverseTimeDecay', decay });
}

export interface StepDecayOptions {
  /** The number of steps between drops. */
  dropEvery: number;
  /** The factor the rate is multiplied by at each drop. */
  factor: number;
}

const STEP_DECAY_OPTIONS = optionKeys<StepDecayOptions>()(['dropEvery', 'factor']);

/** rate = base · factor^⌊step / dropEvery⌋. */
export function stepDecay(options: StepDecayOptions): DescribedSchedule {
  checkOptions('stepDecay', options, STEP_DECAY_OPTIONS);
  const dropEvery = positiveInteger('stepDecay', 'dropEvery', options.dropEvery);
  const factor = positive('stepDecay', 'factor', options.factor);
  return describe((step, base) => base * factor ** Math.floor(step / dropEvery), {
    type: 'stepDecay',
    dropEvery,
    factor,
  });
}

export interface CosineDecayOptions {
  /** The step at which the rate reaches `minRate`; it stays there afterwards. */
  decaySteps: number;
  /** The final rate (an absolute rate, not a fraction of the base). Default 0. */
  minRate?: number;
}

const COSINE_DECAY_OPTIONS = optionKeys<CosineDecayOptions>()(['decaySteps', 'minRate']);

/** rate = minRate + (base − minRate) · ½(1 + cos(π · min(step, decaySteps) / decaySteps)). */
export function cosineDecay(options: CosineDecayOptions): DescribedSchedule {
  checkOptions('cosineDecay', options, COSINE_DECAY_OPTIONS);
  const decaySteps = positive('cosineDecay', 'decaySteps', options.decaySteps);
  const minRate = nonNegative('cosineDecay', 'minRate', options.minRate ?? 0);
  return describe(
    (step, base) => {
      const cosine = 0.5 * (1 + Math.cos((Math.PI * Math.min(step, decaySteps)) / decaySteps));
      return minRate + (base - minRate) * cosine;
    },
    { type: 'cosineDecay', decaySteps, minRate },
  );
}
