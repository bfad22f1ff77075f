import { checkOptions } from '@neunet/options';
import { BinaryCrossentropy } from './binary-crossentropy.js';
import { CategoricalCrossentropy } from './categorical-crossentropy.js';
import type { Loss, LossConfig, LossOptions } from './loss.js';
import { MeanAbsoluteError } from './mean-absolute-error.js';
import { MeanSquaredError } from './mean-squared-error.js';
import { PENALTY_OPTIONS } from './weight-penalty.js';

const losses: Record<string, (options: LossOptions) => Loss> = {
  CategoricalCrossentropy: (o) => new CategoricalCrossentropy(o),
  BinaryCrossentropy: (o) => new BinaryCrossentropy(o),
  MeanSquaredError: (o) => new MeanSquaredError(o),
  MeanAbsoluteError: (o) => new MeanAbsoluteError(o),
};

/** A new loss with the settings of `config` (from `getConfig()`). */
export function lossFromConfig(config: LossConfig): Loss {
  const { type, ...options } = config;
  const factory = Object.hasOwn(losses, type) ? losses[type] : undefined;
  if (!factory) {
    throw new Error(
      `lossFromConfig: unknown loss type ${JSON.stringify(type)}; expected one of ${Object.keys(losses).join(', ')}`,
    );
  }
  checkOptions('lossFromConfig', options, PENALTY_OPTIONS);
  return factory(options as LossOptions);
}
