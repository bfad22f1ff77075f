import { Scratch } from '@neunet/layers';
import type { Target } from '@neunet/losses';
import { getBackend, type Shape, Tensor } from '@neunet/tensor';

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
  /** Views on the epoch's order, one per batch start: the order is shuffled in place. */
  private readonly orderViews = new Map<number, Int32Array>();
  private viewed: Int32Array | undefined;

  constructor(
    private readonly X: Tensor,
    private readonly y: Target,
  ) {
    this.xSample = X.shape.slice(1);
    this.ySample = y instanceof Tensor ? y.shape.slice(1) : [];
  }

  inputs(order: Int32Array, start: number, end: number): Tensor {
    const indices = this.indices(order, start, end);
    return getBackend().gatherRows(this.X, indices, this.x.tensor(end - start, this.xSample));
  }

  targets(order: Int32Array, start: number, end: number): Target {
    const n = end - start;
    if (this.y instanceof Tensor) {
      const indices = this.indices(order, start, end);
      return getBackend().gatherRows(this.y, indices, this.yDense.tensor(n, this.ySample));
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

  /** order[start, end) as a view made once per batch, so a step allocates nothing. */
  private indices(order: Int32Array, start: number, end: number): Int32Array {
    if (order !== this.viewed) {
      this.orderViews.clear();
      this.viewed = order;
    }
    let view = this.orderViews.get(start);
    if (view?.length !== end - start) {
      view = order.subarray(start, end);
      this.orderViews.set(start, view);
    }
    return view;
  }
}

/** Takes rows [start, end) of a target: labels or tensor rows. */
export function sliceTarget(y: Target, start: number, end: number): Target {
  return y instanceof Tensor ? y.sliceRows(start, end) : y.subarray(start, end);
}
