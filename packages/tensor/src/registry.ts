import type { Backend } from './backend.js';
import { JsBackend } from './js-backend.js';

const backends = new Map<string, () => Backend>([['js', () => new JsBackend()]]);
let current: Backend | undefined;

/** The backend every layer, loss and optimizer computes with. */
export function getBackend(): Backend {
  current ??= new JsBackend();
  return current;
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
