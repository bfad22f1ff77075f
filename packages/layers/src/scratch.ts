import { type Backend, getBackend, type Shape, subview, Tensor } from '@neunet/tensor';
import { holdsSamplesOf, sizeOf } from './shape.js';

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

  /**
   * A batch of `rows` samples: `[rows, sample]` for a width, `[rows, ...sample]` for a
   * per-sample shape.
   */
  tensor(rows: number, sample: number | Shape): Tensor {
    const backend = getBackend();
    const view = this.views.get(rows);
    if (view && backend === this.owner && fits(view, sample)) return view;
    const width = typeof sample === 'number' ? sample : sizeOf(sample);
    const size = rows * width;
    if (size > this.buffer.length || backend !== this.owner) {
      this.buffer = backend.allocate(Math.max(size, this.buffer.length));
      this.owner = backend;
      this.views.clear();
    }
    if (this.views.size >= 8) this.views.clear();
    const shape = typeof sample === 'number' ? [rows, sample] : [rows, ...sample];
    const fresh = new Tensor(subview(this.buffer, 0, size), shape);
    this.views.set(rows, fresh);
    return fresh;
  }
}

function fits(view: Tensor, sample: number | Shape): boolean {
  return typeof sample === 'number'
    ? view.shape.length === 2 && view.shape[1] === sample
    : holdsSamplesOf(view, sample);
}
