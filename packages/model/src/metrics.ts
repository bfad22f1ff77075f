import type { Loss, Target } from '@neunet/losses';
import { logLoss, meanSquaredError, topKAccuracy } from '@neunet/metrics';
import { Tensor } from '@neunet/tensor';
import { absoluteErrorSum, countCorrect } from './accuracy.js';

/** A metric of your own: the true targets and the batch's predictions (valid during the call). */
export type MetricFn = (yTrue: Target, yPred: Tensor) => number;

/**
 * The metrics known by name: `'accuracy'` (arg max, or p ≥ 0.5 for one output), `'mae'`,
 * `'mse'`, `'logLoss'` (from probabilities) and `'top<k>'` (`'top2'`, `'top5'`: top-k
 * accuracy).
 */
export type MetricName = 'accuracy' | 'mae' | 'mse' | 'logLoss' | `top${number}`;

/** A name, a named function, or a function whose `name` is its history key. */
export type MetricSpec = MetricName | MetricFn | { name: string; fn: MetricFn };

/**
 * An epoch's running figure. Every metric is the mean over samples of the epoch's batches:
 * accuracy and MAE count exactly (the default path, allocation-free per step); the others
 * take each batch's value weighted by its rows, as Keras's MeanMetricWrapper does, which
 * equals the value over the epoch's outputs for every per-sample mean (all of these).
 */
export interface MetricAccumulator {
  readonly name: string;
  reset(): void;
  add(pred: Tensor, target: Target): void;
  value(): number;
}

/** A metric resolved at the edge: its history key and how to start counting it. */
export interface Metric {
  readonly name: string;
  accumulator(): MetricAccumulator;
}

class CountCorrect implements MetricAccumulator {
  readonly name = 'accuracy';
  private correct = 0;
  private rows = 0;
  reset() {
    this.correct = 0;
    this.rows = 0;
  }
  add(pred: Tensor, target: Target) {
    this.correct += countCorrect(pred, target);
    this.rows += pred.rows;
  }
  value() {
    return this.correct / this.rows;
  }
}

class AbsoluteError implements MetricAccumulator {
  readonly name = 'mae';
  private sum = 0;
  private count = 0;
  reset() {
    this.sum = 0;
    this.count = 0;
  }
  add(pred: Tensor, target: Target) {
    this.sum += absoluteErrorSum(pred, target);
    this.count += pred.size;
  }
  value() {
    return this.sum / this.count;
  }
}

class BatchMean implements MetricAccumulator {
  private sum = 0;
  private rows = 0;
  constructor(
    readonly name: string,
    private readonly fn: MetricFn,
  ) {}
  reset() {
    this.sum = 0;
    this.rows = 0;
  }
  add(pred: Tensor, target: Target) {
    this.sum += this.fn(target, pred) * pred.rows;
    this.rows += pred.rows;
  }
  value() {
    return this.sum / this.rows;
  }
}

/**
 * The regression metrics of @neunet/metrics take values shaped as the predictions: labels
 * become one value per row for one output, one-hot rows for several (as the losses read them).
 */
function asValues(target: Target, pred: Tensor): Tensor {
  if (!(target instanceof Int32Array)) return target;
  if (pred.cols === 1) return new Tensor(Float32Array.from(target), [target.length, 1]);
  const oneHot = Tensor.zeros([target.length, pred.cols]);
  target.forEach((label, r) => {
    oneHot.data[r * pred.cols + label] = 1;
  });
  return oneHot;
}

/** The names, mapped once, here: nothing in the training loop switches on a name. */
const NAMED = new Map<string, () => MetricAccumulator>([
  ['accuracy', () => new CountCorrect()],
  ['mae', () => new AbsoluteError()],
  ['mse', () => new BatchMean('mse', (y, p) => meanSquaredError(asValues(y, p), p))],
  ['logLoss', () => new BatchMean('logLoss', (y, p) => logLoss(y, p))],
]);

function named(where: string, name: string): Metric {
  const make = NAMED.get(name);
  if (make) return { name, accumulator: make };
  const k = /^top([1-9]\d*)$/.exec(name)?.[1];
  if (k !== undefined) {
    return { name, accumulator: () => new BatchMean(name, (y, p) => topKAccuracy(y, p, +k)) };
  }
  throw new Error(
    `${where}: unknown metric '${name}'; expected one of ${[...NAMED.keys()].join(', ')}, 'top<k>' (e.g. 'top5'), a function or { name, fn }`,
  );
}

/** History keys that are not metrics. */
const RESERVED = new Set(['loss', 'bestEpoch', 'stoppedEpoch', 'aborted', 'diagnostics']);

/**
 * The metrics a call measures: those asked for, or by default what the loss declares
 * (accuracy for a classification loss, MAE otherwise). Throws on an unknown name, a
 * function without a name, or two metrics under one key.
 */
export function resolveMetrics(
  where: string,
  specs: readonly MetricSpec[] | undefined,
  loss: Loss,
): Metric[] {
  if (specs !== undefined && !Array.isArray(specs)) {
    throw new Error(`${where}: metrics must be an array of names, functions or { name, fn }`);
  }
  const asked = specs ?? [loss.task === 'classification' ? 'accuracy' : 'mae'];
  const metrics = asked.map((spec): Metric => {
    if (typeof spec === 'string') return named(where, spec);
    const [name, fn] = typeof spec === 'function' ? [spec.name, spec] : [spec?.name, spec?.fn];
    if (typeof fn !== 'function' || typeof name !== 'string' || name === '') {
      throw new Error(
        `${where}: a metric function needs a name: pass { name: 'myMetric', fn } (got ${String(name)})`,
      );
    }
    return { name, accumulator: () => new BatchMean(name, fn) };
  });
  const seen = new Set<string>();
  for (const { name } of metrics) {
    if (RESERVED.has(name) || name.startsWith('val_') || seen.has(name)) {
      throw new Error(
        `${where}: metric name '${name}' is taken; each metric needs its own name, not 'val_…' or one of ${[...RESERVED].join(', ')}`,
      );
    }
    seen.add(name);
  }
  return metrics;
}
