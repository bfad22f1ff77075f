import type { Tensor } from '@neunet/tensor';

// Keyed by the tensor itself: a layer's input is the previous layer's reused output, so
// in a training loop the same few tensors come back and the view is made once.
const views = new WeakMap<Tensor, Tensor>();

/**
 * x as a matrix with one row per position of its leading axes and its last axis as
 * columns, `[size / last, last]`: the backend's row-wise kernels (the matrix product,
 * softmax, BatchNormalization) then act on the last axis of any rank. A view on x's memory;
 * a 2-D x is its own.
 */
export function lastAxisRows(x: Tensor): Tensor {
  if (x.shape.length === 2) return x;
  let view = views.get(x);
  if (view === undefined) {
    view = x.reshape([-1, x.shape[x.shape.length - 1] ?? 1]);
    views.set(x, view);
  }
  return view;
}
