import { checkOptions, optionKeys } from '@neunet/options';
import { AdaGrad } from './adagrad.js';
import { Adam } from './adam.js';
import type { Optimizer } from './optimizer.js';
import { RMSprop } from './rmsprop.js';
import { SGD } from './sgd.js';

/**
 * The optimizers a layer or a model may name instead of passing an instance: 'sgd',
 * 'momentum' (SGD with momentum 0.9), 'adam', 'rmsprop', 'adagrad'.
 */
export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'rmsprop' | 'adagrad';

export interface CreateOptimizerOptions {
  /** The class's default when absent. */
  learningRate?: number;
}

const OPTIONS = optionKeys<CreateOptimizerOptions>()(['learningRate']);

// The one place where names map to classes.
const factories: Record<OptimizerName, (learningRate: number | undefined) => Optimizer> = {
  sgd: (learningRate) => new SGD({ learningRate }),
  momentum: (learningRate) => new SGD({ learningRate, momentum: 0.9 }),
  adam: (learningRate) => new Adam({ learningRate }),
  rmsprop: (learningRate) => new RMSprop({ learningRate }),
  adagrad: (learningRate) => new AdaGrad({ learningRate }),
};

/** Every optimizer name, in a fixed order (for forms and error messages). */
export const optimizerNames = Object.freeze(Object.keys(factories)) as readonly OptimizerName[];

/** Whether `name` is an optimizer name. Names come from user code and files: check them. */
export function isOptimizerName(name: unknown): name is OptimizerName {
  return typeof name === 'string' && Object.hasOwn(factories, name);
}

/** The optimizer a name stands for (see `OptimizerName`), with no param groups yet. */
export function createOptimizer(
  name: OptimizerName,
  options: CreateOptimizerOptions = {},
): Optimizer {
  checkOptions('createOptimizer', options, OPTIONS);
  if (!isOptimizerName(name)) {
    const valid = optimizerNames.map((n) => `'${n}'`).join(', ');
    throw new Error(
      `createOptimizer: unknown optimizer ${JSON.stringify(name)}; expected one of ${valid}`,
    );
  }
  return factories[name](options.learningRate);
}
