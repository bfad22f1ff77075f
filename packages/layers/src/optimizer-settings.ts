import type { LayerConfig, OptimizerSettings } from './layer.js';

// `optimizer` is declared on OptimizerSettings by @neunet/model, which knows the optimizers:
// a layer passes it on unread, and the model checks it when the layer is added.
/** A layer's options with `optimizer`, whether or not @neunet/model's declaration is loaded. */
export type WithOptimizer<Options> = Options & { readonly optimizer?: unknown };
type Settings = WithOptimizer<OptimizerSettings>;

/** The optimizer settings among a layer's options (or a saved config), checked as far as a layer can. */
export function pickOptimizerSettings(
  where: string,
  options: OptimizerSettings,
): OptimizerSettings {
  const { learningRate, optimizer } = options as Settings;
  if (learningRate !== undefined && !(learningRate > 0 && Number.isFinite(learningRate))) {
    throw new Error(`${where}: learningRate must be a finite number > 0, got ${learningRate}`);
  }
  return { learningRate, optimizer } as OptimizerSettings;
}

/**
 * The settings as config JSON: the rate, and the optimizer when it is a name. An optimizer
 * instance is not part of the config: a saved model keeps it, with the param groups it holds.
 */
export function optimizerSettingsConfig(settings: OptimizerSettings): Partial<LayerConfig> {
  const { learningRate, optimizer } = settings as Settings;
  return {
    ...(learningRate !== undefined && { learningRate }),
    ...(typeof optimizer === 'string' && { optimizer }),
  };
}
