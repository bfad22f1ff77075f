import type { Backend } from './backend.js';
import { JsBackend } from './js-backend.js';

/**
 * The registry's state, kept on `globalThis` so that every copy of this package in a
 * process (its ESM and CJS builds, a bundled copy next to an installed one) shares one
 * current backend: `setBackend` in one copy reaches the layers that another copy's
 * `getBackend` serves. A copy that finds a state of another version refuses to load
 * instead of misreading it; the version changes whenever this shape does.
 */
interface RegistryState {
  readonly version: 1;
  readonly backends: Map<string, () => Backend>;
  current: Backend | undefined;
  /** The backend `getBackend` picks when none was set: js, or the node entry's wasm. */
  fallback: (() => Backend) | undefined;
}

const KEY = Symbol.for('neunet.tensor.registry');
const VERSION = 1;

/** Read on each call rather than at module load, so a bundle that never uses the registry drops it. */
export function registryState(): RegistryState {
  const holder = globalThis as { [KEY]?: { version?: unknown } };
  const found = holder[KEY];
  if (found === undefined) {
    const state: RegistryState = {
      version: VERSION,
      backends: new Map([['js', () => new JsBackend()]]),
      current: undefined,
      fallback: undefined,
    };
    holder[KEY] = state;
    return state;
  }
  if (found.version !== VERSION) {
    throw new Error(
      `@neunet/tensor: another copy of @neunet/tensor with backend registry version ` +
        `${String(found.version)} is loaded in this process, and this copy expects version ` +
        `${VERSION}; install a single version of @neunet/tensor`,
    );
  }
  return found as RegistryState;
}

/**
 * The backend every layer, loss and optimizer computes with. Unless one was set: under
 * Node.js (the package's `node` entry) the wasm backend when this engine runs it, else js;
 * in a browser js until `await initWasmBackend()` makes wasm the current backend.
 */
export function getBackend(): Backend {
  const state = registryState();
  state.current ??= (state.fallback ?? (() => new JsBackend()))();
  return state.current;
}

/** Makes `backend` (an instance, or the name of a registered one) the current backend. */
export function setBackend(backend: Backend | string): Backend {
  const state = registryState();
  if (typeof backend === 'string') {
    const create = state.backends.get(backend);
    if (!create) {
      const hint =
        backend === 'wasm'
          ? '; this environment compiles WebAssembly only asynchronously: call `await initWasmBackend()`, which selects it'
          : '';
      throw new Error(
        `setBackend: unknown backend '${backend}'; registered: ${[...state.backends.keys()].join(', ')}${hint}`,
      );
    }
    state.current = create();
  } else {
    state.current = backend;
  }
  return state.current;
}

/** Makes a backend selectable by name with `setBackend(name)`. */
export function registerBackend(name: string, create: () => Backend): void {
  registryState().backends.set(name, create);
}
