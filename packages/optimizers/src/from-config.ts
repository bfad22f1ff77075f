import { AdaGrad } from './adagrad.js';
import { Adam } from './adam.js';
import type { Optimizer, OptimizerConfig } from './optimizer.js';
import { RMSprop } from './rmsprop.js';
import {
  cosineDecay,
  type DescribedSchedule,
  exponentialDecay,
  inverseTimeDecay,
  type ScheduleConfig,
  stepDecay,
} from './schedules.js';
import { SGD } from './sgd.js';

// Each factory passes the config's own fields on, so the constructors' checks apply to
// values read from a file exactly as to values written in code.
type Options = Record<string, unknown>;
const optimizers: Record<string, (options: Options) => Optimizer> = {
  SGD: (o) => new SGD(o),
  Adam: (o) => new Adam(o),
  RMSprop: (o) => new RMSprop(o),
  AdaGrad: (o) => new AdaGrad(o),
};
const schedules: Record<string, (options: Options) => DescribedSchedule> = {
  exponentialDecay: (o) => exponentialDecay(o as never),
  inverseTimeDecay: (o) => inverseTimeDecay(o as never),
  stepDecay: (o) => stepDecay(o as never),
  cosineDecay: (o) => cosineDecay(o as never),
};

/** The schedule a `getConfig().schedule` describes. A hand-written schedule cannot be rebuilt. */
export function scheduleFromConfig(config: ScheduleConfig): DescribedSchedule {
  const { type, ...options } = config;
  const factory = Object.hasOwn(schedules, type) ? schedules[type] : undefined;
  if (!factory) {
    throw new Error(
      `scheduleFromConfig: unknown schedule type ${JSON.stringify(type)}; expected one of ${Object.keys(schedules).join(', ')}` +
        (type === 'custom' ? ' (a hand-written schedule function cannot be saved)' : ''),
    );
  }
  const schedule = factory(options);
  checkSameConfig('scheduleFromConfig', config, schedule.config);
  return schedule;
}

/** A new optimizer with the settings of `config` (from `getConfig()`), with fresh state. */
export function optimizerFromConfig(config: OptimizerConfig): Optimizer {
  const { type, schedule, ...options } = config;
  const factory = Object.hasOwn(optimizers, type) ? optimizers[type] : undefined;
  if (!factory) {
    throw new Error(
      `optimizerFromConfig: unknown optimizer type ${JSON.stringify(type)}; expected one of ${Object.keys(optimizers).join(', ')}`,
    );
  }
  const optimizer = factory({
    ...options,
    ...(schedule !== undefined && { schedule: scheduleFromConfig(schedule) }),
  });
  checkSameConfig('optimizerFromConfig', config, optimizer.getConfig());
  return optimizer;
}

// A config with a misspelt or extra field would otherwise be dropped without a word.
function checkSameConfig(where: string, given: object, built: object): void {
  const extra = Object.keys(given).filter((key) => !Object.hasOwn(built, key));
  if (extra.length > 0) {
    throw new Error(`${where}: unknown option${extra.length > 1 ? 's' : ''} ${extra.join(', ')}`);
  }
}
