import { Tensor } from '@neunet/tensor';

/**
 * A reusable output buffer. Batches come in a few sizes (full batches, the last partial
 * one, a whole data set for prediction), so it keeps one grow-only array and a view per
 * shape: once warm, asking for a tensor allocates nothing.
 */
export class Scratch {
  private buffer = new Float32Array(0);
  private views = new Map<number, Tensor>();

  tensor(rows: number, cols: number): Tensor {
    const view = this.views.get(rows);
    if (view && view.cols === cols) return view;
    const size = rows * cols;
    if (size > this.buffer.length) {
      this.buffer = new Float32Array(size);
      this.views.clear();
    }
    if (this.views.size >= 8) this.views.clear();
    const fresh = new Tensor(this.buffer.subarray(0, size), [rows, cols]);
    this.views.set(rows, fresh);
    return fresh;
  }
}
