const parents = new WeakMap<Float32Array, Float32Array>();

/**
 * `base.subarray(start, end)` that keeps `base` reachable for as long as the view is.
 * A backend may hand out arrays whose memory it reclaims once the array itself is
 * garbage-collected (the wasm backend's views on WebAssembly memory), and a plain
 * subarray does not keep its parent array alive: any view a caller holds on to must be
 * made with this.
 */
export function subview(base: Float32Array, start: number, end: number): Float32Array {
  const view = base.subarray(start, end);
  parents.set(view, parents.get(base) ?? base);
  return view;
}
