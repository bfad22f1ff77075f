import type { Backend } from './backend.js';
import { JsBackend } from './js-backend.js';
import { wasmBackend, wasmBackendSupported } from './wasm/create.js';

const backends = new Map<string, () => Backend>([
  ['js', () => new JsBackend()],
  ['wasm', wasmBackend],
]);
let current: Backend | undefined;

/**
 * The backend every layer, loss and optimizer computes with. Unless one was set, the
 * fastest this engine runs: wasm (SIMD128) when it can be compiled here and now, else js.
 */
export function getBackend(): Backend {
  current ??= fastest();
  return current;
}

function fastest(): Backend {
  if (wasmBackendSupported()) {
    try {
      return wasmBackend();
    } catch {
      // A browser's main thread refuses synchronous compilation: initWasmBackend() is the way there.
    }
  }
  return new JsBackend();
}

/** Makes `backend` (an instance, or the name of a registered one) the current backend. */
export function setBackend(backend: Backend | string): Backend {
  if (typeof backend === 'string') {
    const create = backends.get(backend);
    if (!create) {
      throw new Error(
        `setBackend: unknown backend '${backend}'; registered: ${[...backends.keys()].join(', ')}`,
      );
    }
    current = create();
  } else {
    current = backend;
  }
  return current;
}

/** Makes a backend selectable by name with `setBackend(name)`. */
export function registerBackend(name: string, create: () => Backend): void {
  backends.set(name, create);
}
