import { createOptimizer, type Optimizer } from '@neunet/optimizers';
import type { OptimizerName, Param, ParamUpdater } from '@neunet/tensor';

export interface ParamGroup {
  readonly updater: ParamUpdater;
  readonly params: Param[];
}

/**
 * Sorts parameters by the optimizer that updates them: the instance a layer handed over,
 * one shared instance per optimizer name a layer asked for, or the model's own. Each
 * optimizer keeps its state per parameter, so sharing an instance between layers gives
 * the same updates as one instance per layer.
 */
export function groupParams(
  params: readonly Param[],
  modelOptimizer: Optimizer,
  named: Map<OptimizerName, Optimizer>,
): ParamGroup[] {
  const groups = new Map<ParamUpdater, Param[]>();
  for (const param of params) {
    let updater: ParamUpdater = modelOptimizer;
    if (typeof param.optimizer === 'string') {
      let byName = named.get(param.optimizer);
      if (!byName) {
        byName = createOptimizer(param.optimizer);
        named.set(param.optimizer, byName);
      }
      updater = byName;
    } else if (param.optimizer) {
      updater = param.optimizer;
    }
    const group = groups.get(updater);
    if (group) group.push(param);
    else groups.set(updater, [param]);
  }
  return [...groups].map(([updater, params]) => ({ updater, params }));
}
