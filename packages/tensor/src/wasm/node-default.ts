import type { Backend } from '../backend.js';
import { JsBackend } from '../js-backend.js';
import { registerBackend, registryState } from '../registry.js';
import { wasmBackend, wasmBackendSupported } from './create.js';

/**
 * Makes wasm the default backend and selectable as `setBackend('wasm')` without an
 * `await`, as Node compiles WebAssembly synchronously. Only the package's `node` entry
 * calls this: it is what ties the default backend to the compiled kernels, so a browser
 * bundle that never calls `initWasmBackend` carries none of them.
 */
export function makeWasmTheDefault(): void {
  const state = registryState();
  state.fallback ??= fastest;
  if (!state.backends.has('wasm')) registerBackend('wasm', wasmBackend);
}

function fastest(): Backend {
  if (wasmBackendSupported()) {
    try {
      return wasmBackend();
    } catch {
      // An engine that refuses synchronous compilation (a browser's main thread loading
      // the node entry by mistake) still gets a working backend.
    }
  }
  return new JsBackend();
}
