import type { OptimizerName } from '@neunet/tensor';
import { AdaGrad } from './adagrad.js';
import { Adam } from './adam.js';
import type { Optimizer } from './optimizer.js';
import { RMSprop } from './rmsprop.js';
import { SGD } from './sgd.js';

export interface CreateOptimizerOptions {
  /** The class's default when absent. */
  learningRate?: number;
}

const factories: Record<OptimizerName, (learningRate: number | undefined) => Optimizer> = {
  sgd: (learningRate) => new SGD({ learningRate }),
  momentum: (learningRate) => new SGD({ learningRate, momentum: 0.9 }),
  adam: (learningRate) => new Adam({ learningRate }),
  rmsprop: (learningRate) => new RMSprop({ learningRate }),
  adagrad: (learningRate) => new AdaGrad({ learningRate }),
};

/**
 * The optimizer a name stands for (the names a layer may give as its `optimizer`):
 * 'sgd', 'momentum' (SGD with momentum 0.9), 'adam', 'rmsprop' or 'adagrad'.
 */
export function createOptimizer(
  name: OptimizerName,
  options: CreateOptimizerOptions = {},
): Optimizer {
  // Names come from user code and saved files, so check at run time despite the type.
  if (typeof name !== 'string' || !Object.hasOwn(factories, name)) {
    const valid = Object.keys(factories)
      .map((n) => `'${n}'`)
      .join(', ');
    throw new Error(
      `createOptimizer: unknown optimizer ${JSON.stringify(name)}; expected one of ${valid}`,
    );
  }
  return factories[name](options.learningRate);
}
