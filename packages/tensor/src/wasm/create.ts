import {
  MAX_PAGES,
  relaxedPlain,
  relaxedShared,
  simdPlain,
  simdShared,
} from './generated/modules.js';
import { WasmHeap } from './heap.js';
import { nodeBuiltin } from './node-builtin.js';
import { ThreadPool } from './thread-pool.js';
import { type Kernels, WasmBackend } from './wasm-backend.js';

export interface WasmBackendOptions {
  /**
   * Threads a large gemm is split over, the calling one included; 1 starts no worker.
   * Default: the number of logical cores (more threads than cores spin against each
   * other).
   */
  threads?: number;
  /** Use relaxed-SIMD fused multiply-add when the engine validates it. Default true. */
  relaxedSimd?: boolean;
}

/**
 * Polls a worker makes after a job before it sleeps, about a millisecond: long enough to
 * stay awake across the non-gemm work of a training step (waking a sleeping worker costs
 * more than a small gemm), short enough to idle soon after training stops.
 */
const SPIN = 1_000_000;
const INITIAL_PAGES = 64;

const decoded = new Map<string, Uint8Array<ArrayBuffer>>();
function bytes(base64: string): Uint8Array<ArrayBuffer> {
  let b = decoded.get(base64);
  if (!b) {
    b = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    decoded.set(base64, b);
  }
  return b;
}

/** Whether this engine runs the wasm backend (WebAssembly with SIMD128). */
export function wasmBackendSupported(): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(bytes(simdPlain));
}

function sharedMemory(): WebAssembly.Memory | undefined {
  if (typeof SharedArrayBuffer === 'undefined') return undefined;
  try {
    return new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: MAX_PAGES, shared: true });
  } catch {
    return undefined;
  }
}

function cores(): number {
  const os = nodeBuiltin<typeof import('node:os')>('node:os');
  if (os) return os.availableParallelism();
  return (
    (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
      ?.hardwareConcurrency ?? 1
  );
}

function choose(options: WasmBackendOptions) {
  if (!wasmBackendSupported()) {
    throw new Error('wasm backend: this engine lacks WebAssembly SIMD128; use the js backend');
  }
  const threads = options.threads ?? cores();
  if (!Number.isInteger(threads) || threads < 1) {
    throw new Error(`wasm backend: threads must be an integer >= 1, got ${threads}`);
  }
  const memory = sharedMemory();
  const shared = memory !== undefined;
  const relaxedCode = shared ? relaxedShared : relaxedPlain;
  const relaxed = options.relaxedSimd !== false && WebAssembly.validate(bytes(relaxedCode));
  const code = relaxed ? relaxedCode : shared ? simdShared : simdPlain;
  return {
    code: bytes(code),
    memory: memory ?? new WebAssembly.Memory({ initial: INITIAL_PAGES }),
    relaxed,
    threads,
  };
}

function build(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  relaxed: boolean,
  threads: number,
): WasmBackend {
  const kernels = new WebAssembly.Instance(module, { env: { memory } })
    .exports as unknown as Kernels;
  // A page that is not cross-origin isolated has no SharedArrayBuffer at all.
  const shared =
    typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const heap = new WasmHeap(memory, kernels.heapBase(), shared);
  return new WasmBackend(kernels, heap, relaxed, threads, () =>
    ThreadPool.create(module, heap, threads - 1, SPIN),
  );
}

/**
 * A new wasm backend, compiled synchronously. Browsers refuse to compile a module this
 * size synchronously on the main thread: use `initWasmBackend` there.
 */
export function createWasmBackend(options: WasmBackendOptions = {}): WasmBackend {
  const { code, memory, relaxed, threads } = choose(options);
  return build(new WebAssembly.Module(code), memory, relaxed, threads);
}

let registered: WasmBackend | undefined;

/** The instance `setBackend('wasm')` selects, created on first use. */
export function wasmBackend(): WasmBackend {
  registered ??= createWasmBackend();
  return registered;
}

/** Makes `backend` the instance `setBackend('wasm')` selects; returns the one it replaces. */
export function replaceWasmBackend(backend: WasmBackend): WasmBackend | undefined {
  const previous = registered;
  registered = backend;
  return previous;
}

/** Compiles asynchronously, as browsers require for all but tiny modules. */
export async function compileWasmBackend(options: WasmBackendOptions = {}): Promise<WasmBackend> {
  const { code, memory, relaxed, threads } = choose(options);
  return build(await WebAssembly.compile(code), memory, relaxed, threads);
}
