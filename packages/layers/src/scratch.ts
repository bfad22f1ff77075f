import { type Backend, getBackend, subview, Tensor } from '@neunet/tensor';

/**
 * A reusable output buffer. Batches come in a few sizes (full batches, the last partial
 * one, a whole data set for prediction), so it keeps one grow-only array and a view per
 * shape: once warm, asking for a tensor allocates nothing. The array comes from the
 * current backend (wasm memory under the wasm backend), and is replaced when the backend
 * changes so that kernels keep using it in place.
 */
export class Scratch {
  private buffer: Float32Array = new Float32Array(0);
  private owner: Backend | undefined;
  private views = new Map<number, Tensor>();

  tensor(rows: number, cols: number): Tensor {
    const backend = getBackend();
    const view = this.views.get(rows);
    if (view && view.cols === cols && backend === this.owner) return view;
    const size = rows * cols;
    if (size > this.buffer.length || backend !== this.owner) {
      this.buffer = backend.allocate(Math.max(size, this.buffer.length));
      this.owner = backend;
      this.views.clear();
    }
    if (this.views.size >= 8) this.views.clear();
    const fresh = new Tensor(subview(this.buffer, 0, size), [rows, cols]);
    this.views.set(rows, fresh);
    return fresh;
  }
}
