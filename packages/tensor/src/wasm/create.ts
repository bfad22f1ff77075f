import { checkOptions, optionKeys } from '@neunet/options';
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
   * other). Without shared memory (a browser page that is not cross-origin isolated)
   * the backend has one thread whatever this says, and its `threads` reports 1.
   */
  threads?: number;
  /** Use relaxed-SIMD fused multiply-add when the engine validates it. Default true. */
  relaxedSimd?: boolean;
}

const OPTIONS = optionKeys<WasmBackendOptions>()(['threads', 'relaxedSimd']);

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

/**
 * Which of the four compiled variants to use, for tests that run each of them; unset
 * fields are chosen as usual. Not part of the public API.
 */
export interface WasmVariant {
  relaxedSimd?: boolean;
  sharedMemory?: boolean;
}

/**
 * A shared memory, or undefined where there is none: a page that is not cross-origin
 * isolated has no `SharedArrayBuffer` at all, so nothing here may name it unguarded.
 */
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

function choose(options: WasmBackendOptions, variant: WasmVariant) {
  if (!wasmBackendSupported()) {
    throw new Error('wasm backend: this engine lacks WebAssembly SIMD128; use the js backend');
  }
  const requested = options.threads ?? cores();
  if (!Number.isInteger(requested) || requested < 1) {
    throw new Error(`wasm backend: threads must be an integer >= 1, got ${requested}`);
  }
  const memory = variant.sharedMemory === false ? undefined : sharedMemory();
  const shared = memory !== undefined;
  if (variant.sharedMemory && !shared) {
    throw new Error('wasm backend: shared memory was required, but this engine has none');
  }
  const relaxedCode = shared ? relaxedShared : relaxedPlain;
  const relaxed =
    (variant.relaxedSimd ?? options.relaxedSimd !== false) &&
    WebAssembly.validate(bytes(relaxedCode));
  if (variant.relaxedSimd && !relaxed) {
    throw new Error(
      'wasm backend: relaxed SIMD was required, but this engine does not validate it',
    );
  }
  const code = relaxed ? relaxedCode : shared ? simdShared : simdPlain;
  return {
    code: bytes(code),
    memory: memory ?? new WebAssembly.Memory({ initial: INITIAL_PAGES }),
    shared,
    relaxed,
    // Workers need shared memory; without it the calling thread is the only one.
    threads: shared ? requested : 1,
  };
}

type Choice = ReturnType<typeof choose>;

function build(
  module: WebAssembly.Module,
  { memory, shared, relaxed, threads }: Choice,
): WasmBackend {
  const kernels = new WebAssembly.Instance(module, { env: { memory } })
    .exports as unknown as Kernels;
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
  checkOptions('createWasmBackend', options, OPTIONS);
  return createWasmVariant(options, {});
}

/** createWasmBackend with the variant forced, for the tests that run all four. */
export function createWasmVariant(options: WasmBackendOptions, variant: WasmVariant): WasmBackend {
  const choice = choose(options, variant);
  return build(new WebAssembly.Module(choice.code), choice);
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
  checkOptions('initWasmBackend', options, OPTIONS);
  const choice = choose(options, {});
  return build(await WebAssembly.compile(choice.code), choice);
}
