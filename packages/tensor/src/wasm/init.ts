import { registerBackend, setBackend } from '../registry.js';
import {
  compileWasmBackend,
  replaceWasmBackend,
  type WasmBackendOptions,
  wasmBackend,
} from './create.js';
import type { WasmBackend } from './wasm-backend.js';

/**
 * Compiles the wasm backend (asynchronously, as browsers require), starts its worker
 * threads, makes it the current backend and the one `setBackend('wasm')` selects, and
 * returns it. Call `dispose()` on it to stop the threads.
 */
export async function initWasmBackend(options: WasmBackendOptions = {}): Promise<WasmBackend> {
  const backend = await compileWasmBackend(options);
  await backend.ready();
  const previous = replaceWasmBackend(backend);
  registerBackend('wasm', wasmBackend);
  setBackend(backend);
  await previous?.dispose();
  return backend;
}
