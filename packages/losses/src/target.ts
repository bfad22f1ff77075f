import { Tensor } from '@neunet/tensor';

/**
 * What a prediction is compared with: one integer per row (a class index, or a 0/1 or
 * integer value when pred has one column), or a tensor with pred's shape (one-hot rows,
 * probabilities, regression values).
 */
export type Target = Int32Array | Tensor;

// The checks below run on every call: the target is the user's data, and an out-of-range
// label would otherwise read past a row silently. They are O(N) and allocate nothing.

function shapeOf(t: Tensor): string {
  return `[${t.shape.join(', ')}]`;
}

/** The number of rows (samples) of a non-empty pred. */
export function batchSize(where: string, pred: Tensor): number {
  if (pred.size === 0) {
    throw new Error(
      `${where}: pred is empty (shape ${shapeOf(pred)}); expected at least one sample`,
    );
  }
  return pred.rows;
}

/** Checks one class index per row, each in [0, classes). */
export function checkClassLabels(
  where: string,
  pred: Tensor,
  labels: Int32Array,
  classes: number,
): void {
  checkLabelCount(where, pred, labels);
  for (let r = 0; r < labels.length; r++) {
    const label = labels[r]!;
    if (label < 0 || label >= classes) {
      throw new Error(
        `${where}: label ${label} at row ${r} is outside [0, ${classes}) (pred has ${classes} classes)`,
      );
    }
  }
}

/**
 * The target as an array aligned element for element with `pred.data`: a tensor of pred's
 * shape, or one integer per row when pred has a single column.
 */
export function elementTargets(
  where: string,
  pred: Tensor,
  target: Target,
): Float32Array | Int32Array {
  if (target instanceof Int32Array) {
    if (pred.size !== pred.rows) {
      throw new Error(
        `${where}: target is an Int32Array (one value per row) but pred has shape ${shapeOf(pred)}; ` +
          'pass a Tensor of the same shape as pred',
      );
    }
    checkLabelCount(where, pred, target);
    return target;
  }
  checkTargetTensor(where, pred, target);
  return target.data;
}

/** Checks a target tensor against pred: the same rows, and the same values per row. */
export function checkTargetTensor(where: string, pred: Tensor, target: Tensor): void {
  // Duck-typed rather than instanceof, so that a Tensor from a second copy of
  // @neunet/tensor (an ESM and a CJS build side by side) is still accepted.
  if (!((target as { data?: unknown })?.data instanceof Float32Array)) {
    throw new Error(`${where}: target must be an Int32Array or a Tensor, got ${String(target)}`);
  }
  if (target.rows !== pred.rows) {
    throw new Error(`${where}: pred has ${pred.rows} rows (samples) but target has ${target.rows}`);
  }
  if (target.size !== pred.size) {
    throw new Error(
      `${where}: target shape ${shapeOf(target)} does not match pred shape ${shapeOf(pred)}`,
    );
  }
}

/** `out` when given (it must hold as many values as pred), else a new tensor of pred's shape. */
export function gradientBuffer(where: string, pred: Tensor, out: Tensor | undefined): Tensor {
  if (out === undefined) return Tensor.zeros(pred.shape);
  if (out.size !== pred.size) {
    throw new Error(
      `${where}: out has shape ${shapeOf(out)}, expected pred's shape ${shapeOf(pred)}`,
    );
  }
  return out;
}

function checkLabelCount(where: string, pred: Tensor, labels: Int32Array): void {
  if (labels.length !== pred.rows) {
    throw new Error(
      `${where}: pred has ${pred.rows} rows (samples) but target has ${labels.length} labels`,
    );
  }
}
