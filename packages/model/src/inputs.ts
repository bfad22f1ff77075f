import { formatShape, sameShape } from '@neunet/layers';
import type { Loss, Target } from '@neunet/losses';
import { type NestedArray, type Shape, Tensor } from '@neunet/tensor';
import type { Metric } from './metrics.js';

/** What the data check asks of the model: its output shape for X, building nothing. */
interface ShapeChecker {
  checkInput(x: Tensor, where: string): Shape;
}

/**
 * The one check every piece of data takes before it is used: train's X and y, its
 * validation data, each batch of a batch source, evaluate's and trainOnBatch's. X's shape
 * against the layers, the output against the loss and metrics, y against the output, and
 * every row of y against the loss. Builds nothing; returns X as a Tensor and the per-sample
 * output shape.
 */
export function checkData(
  model: ShapeChecker,
  loss: Loss,
  metrics: readonly Metric[],
  X: Input,
  y: Target,
  where: string,
): { x: Tensor; output: Shape } {
  const x = toInputTensor(X, where);
  const output = model.checkInput(x, where);
  checkOutputTask(loss, metrics, output, where);
  checkTarget(y, x.rows, output, where);
  checkLossTarget(loss, y, output, where);
  return { x, output };
}

/** Inputs as users pass them: a Tensor [samples, ...per-sample shape] or nested arrays. */
export type Input = Tensor | NestedArray;

/** Turns X into a Tensor with a samples axis and checks that every value is finite. */
export function toInputTensor(X: Input, where: string): Tensor {
  const t = X instanceof Tensor ? X : new Tensor(X);
  if (t.shape.length < 2) {
    throw new Error(
      `${where}: X must be at least 2-D, [samples, ...per-sample shape] ([samples, features] for a table), got shape ${formatShape(t.shape)}`,
    );
  }
  if (t.rows === 0) throw new Error(`${where}: X is empty (0 samples)`);
  assertFinite(t, `${where}: X`);
  return t;
}

/** Metrics that read one vector of class scores per sample. */
const CLASS_METRICS = /^(accuracy|logLoss|top\d+)$/;

/**
 * Classification (its loss, accuracy, top-k, log loss) reads one vector of class scores
 * per sample; an output of more axes ([time, classes]) is refused with the way out.
 */
function checkOutputTask(
  loss: Loss,
  metrics: readonly Metric[],
  output: Shape,
  where: string,
): void {
  if (output.length === 1) return;
  const metric = metrics.find(({ name }) => CLASS_METRICS.test(name));
  const reader =
    loss.task === 'classification'
      ? `${loss.getConfig().type} (a classification loss)`
      : metric && `the metric '${metric.name}'`;
  if (reader) {
    throw new Error(
      `${where}: the network's output has per-sample shape ${formatShape(output)}, but ${reader} needs one vector of class scores per sample, [classes]; add a Flatten layer before the last Dense layer`,
    );
  }
}

/**
 * Checks targets against the network's per-sample output shape: sparse labels must be
 * integers in [0, classes) (0/1 for a single sigmoid output) for an output of one axis,
 * and a target tensor must have one sample per sample of X and the output's shape.
 */
function checkTarget(y: Target, rows: number, output: Shape, where: string): void {
  if (y instanceof Int32Array) {
    if (output.length > 1) {
      throw new Error(
        `${where}: y holds one label per sample but the network's output has per-sample shape ${formatShape(output)}; pass y as a Tensor of shape [samples, ${output.join(', ')}]`,
      );
    }
    if (y.length !== rows) {
      throw new Error(`${where}: X has ${rows} samples but y has ${y.length} labels`);
    }
    const width = output[0]!;
    const classes = width === 1 ? 2 : width;
    for (let i = 0; i < y.length; i++) {
      const label = y[i]!;
      if (label < 0 || label >= classes) {
        throw new Error(
          `${where}: label ${label} at index ${i} is outside [0, ${classes}); ` +
            `the network's output has ${width} unit${width === 1 ? '' : 's'}`,
        );
      }
    }
    return;
  }
  if (!(y instanceof Tensor)) {
    throw new Error(
      `${where}: y must be an Int32Array of class indices or a Tensor, got ${describe(y)}`,
    );
  }
  if (y.rows !== rows) {
    throw new Error(`${where}: X has ${rows} samples but y has ${y.rows} rows`);
  }
  if (!sameShape(y.shape.slice(1), output)) {
    throw new Error(
      `${where}: y has shape ${formatShape(y.shape)} but the network's output is ${formatShape([rows, ...output])}` +
        (output.length === 1 ? '; a one-hot row must have one column per output unit' : ''),
    );
  }
  assertFinite(y, `${where}: y`);
}

/**
 * Asks the loss about every row of the target before the first update, so that a bad
 * value in a late batch (a label out of range, a BCE target of 2) cannot follow updates
 * that already happened, and the error names its row in the data set.
 */
function checkLossTarget(loss: Loss, y: Target, output: Shape, where: string): void {
  const rows = y instanceof Int32Array ? y.length : y.rows;
  try {
    loss.forward(Tensor.zeros([rows, ...output]), y);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
}

function assertFinite(t: Tensor, what: string): void {
  const data = t.data;
  const cols = t.cols;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) {
      const row = Math.floor(i / cols);
      const at = t.shape.length === 2 ? 'column' : 'flat index';
      throw new Error(
        `${what} holds ${data[i]} at row ${row}, ${at} ${i - row * cols}; expected finite numbers`,
      );
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array (wrap labels in Int32Array.from(...))';
  return typeof value === 'object' ? (value.constructor?.name ?? 'an object') : typeof value;
}
