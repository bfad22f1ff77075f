import { Scratch } from '@neunet/layers';
import type { Target } from '@neunet/losses';
import { type Shape, Tensor } from '@neunet/tensor';

/**
 * Copies the rows a batch needs, in the epoch's order, into buffers that are reused from
 * batch to batch.
 */
export class BatchGatherer {
  private readonly x = new Scratch();
  private readonly yDense = new Scratch();
  private labels = new Int32Array(0);
  private readonly labelViews = new Map<number, Int32Array>();
  /** The per-sample shapes of X and of a tensor y, which each batch keeps. */
  private readonly xSample: Shape;
  private readonly ySample: Shape;

  constructor(
    private readonly X: Tensor,
    private readonly y: Target,
  ) {
    this.xSample = X.shape.slice(1);
    this.ySample = y instanceof Tensor ? y.shape.slice(1) : [];
  }

  inputs(order: Int32Array, start: number, end: number): Tensor {
    return gatherRows(this.X, order, start, end, this.x.tensor(end - start, this.xSample));
  }

  targets(order: Int32Array, start: number, end: number): Target {
    const n = end - start;
    if (this.y instanceof Tensor) {
      return gatherRows(this.y, order, start, end, this.yDense.tensor(n, this.ySample));
    }
    if (this.labels.length < n) {
      this.labels = new Int32Array(n);
      this.labelViews.clear();
    }
    let view = this.labelViews.get(n);
    if (!view) {
      view = this.labels.subarray(0, n);
      this.labelViews.set(n, view);
    }
    for (let i = 0; i < n; i++) view[i] = this.y[order[start + i]!]!;
    return view;
  }
}

function gatherRows(source: Tensor, order: Int32Array, start: number, end: number, out: Tensor) {
  const cols = source.cols;
  const from = source.data;
  const to = out.data;
  // An element loop rather than set(subarray(...)): a view per row would allocate.
  for (let i = start, at = 0; i < end; i++) {
    const row = order[i]! * cols;
    for (let j = 0; j < cols; j++, at++) to[at] = from[row + j]!;
  }
  return out;
}

/** Takes rows [start, end) of a target: labels or tensor rows. */
export function sliceTarget(y: Target, start: number, end: number): Target {
  return y instanceof Tensor ? y.sliceRows(start, end) : y.subarray(start, end);
}
