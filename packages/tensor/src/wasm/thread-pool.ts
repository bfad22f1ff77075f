import type { Worker as NodeWorker } from 'node:worker_threads';
import {
  DONE,
  GENERATION,
  JOB,
  KERNEL,
  PACKS,
  READY,
  type RowKernel,
  runChunks,
  STOP,
  TICKET,
} from './control.js';
import type { WasmHeap } from './heap.js';
import { isNode, nodeBuiltin } from './node-builtin.js';
import { workerSource } from './worker-source.js';

interface PoolWorker {
  terminate(): unknown;
}

type Gemm = (...args: number[]) => void;

/**
 * Workers that run gemm jobs on the shared wasm memory. The calling thread writes the job
 * into the control block, bumps the generation counter, claims chunks itself and then
 * waits for the chunks the workers claimed. Workers spin for `spin` polls after each job
 * before they sleep, because waking a sleeping thread costs more than a small gemm.
 * Node workers are unref'd, so an idle pool never keeps a process alive; `dispose` stops
 * them for good.
 */
export class ThreadPool {
  readonly started: Promise<void>;
  private readonly workers: PoolWorker[] = [];
  private readonly ints: Int32Array;
  private readonly floats: Float32Array;
  private readonly block: { ptr: number; cls: number };
  private disposed = false;
  /** Whether the calling thread may block in Atomics.wait (not a browser's main thread). */
  private readonly canBlock = isNode();

  /** Undefined when this environment cannot start workers on shared memory. */
  static create(
    module: WebAssembly.Module,
    heap: WasmHeap,
    workers: number,
    spin: number,
  ): ThreadPool | undefined {
    if (workers < 1 || !heap.shared) return undefined;
    const factory = workerFactory();
    if (!factory) return undefined;
    return new ThreadPool(module, heap, workers, spin, factory);
  }

  private constructor(
    module: WebAssembly.Module,
    private readonly heap: WasmHeap,
    readonly size: number,
    spin: number,
    factory: (onReady: () => void, onError: (e: unknown) => void) => WorkerHandle,
  ) {
    this.block = heap.malloc((PACKS + size + 1) * 4);
    this.ints = new Int32Array(heap.memory.buffer, this.block.ptr, PACKS + size + 1);
    this.ints.fill(0);
    this.floats = new Float32Array(this.ints.buffer, this.block.ptr, this.ints.length);
    const starts: Promise<void>[] = [];
    for (let index = 0; index < size; index++) {
      starts.push(
        new Promise((resolve, reject) => {
          const handle = factory(resolve, reject);
          const control = this.block.ptr;
          handle.post({
            module,
            memory: heap.memory,
            control,
            threads: size + 1,
            thread: index + 1,
            spin,
          });
          this.workers.push(handle.worker);
        }),
      );
    }
    this.started = Promise.all(starts).then(() => undefined);
  }

  /**
   * Whether every worker has instantiated the kernels and waits for jobs. Read from the
   * control block, so a synchronous loop sees the workers join without yielding.
   */
  get ready(): boolean {
    return !this.disposed && Atomics.load(this.ints, READY) === this.size;
  }

  /** Sets thread `thread`'s pack buffer (0 is the calling thread's). */
  setPack(thread: number, ptr: number): void {
    this.ints[PACKS + thread] = ptr;
  }

  /**
   * Runs a gemm cut into `chunks` chunks of `units` units (panels of B when byPanels,
   * else rows in fours) on every thread, the calling one included, and returns when all
   * are done. The arguments before byPanels are the kernel's.
   */
  // biome-ignore format: the arguments in the kernel's order
  run(
    gemm: Gemm,
    a: number, b: number, c: number, m: number, n: number, k: number,
    transA: number, transB: number, bias: number, act: number, alpha: number,
    byPanels: boolean, chunks: number, units: number, panels: number,
  ): void {
    const I = this.ints;
    I[JOB] = a; I[JOB + 1] = b; I[JOB + 2] = c; I[JOB + 3] = m; I[JOB + 4] = n; I[JOB + 5] = k;
    I[JOB + 6] = transA; I[JOB + 7] = transB; I[JOB + 8] = bias; I[JOB + 9] = act;
    this.floats[JOB + 10] = alpha;
    I[JOB + 11] = byPanels ? 1 : 0; I[JOB + 12] = chunks; I[JOB + 13] = units; I[JOB + 14] = panels;
    I[KERNEL] = 0;
    this.dispatch(gemm, chunks);
  }

  /**
   * Runs row kernel `rows[kernel − 1]` over `units` units cut into `chunks` chunks, its
   * arguments in the block at `args`, on every thread; returns when all are done.
   */
  runRows(
    gemm: Gemm,
    rows: readonly RowKernel[],
    kernel: number,
    args: number,
    units: number,
    chunks: number,
  ): void {
    const I = this.ints;
    I[JOB] = args;
    I[JOB + 12] = chunks;
    I[JOB + 13] = units;
    I[KERNEL] = kernel;
    this.dispatch(gemm, chunks, rows);
  }

  private dispatch(gemm: Gemm, chunks: number, rows?: readonly RowKernel[]): void {
    const I = this.ints;
    const generation = (I[GENERATION]! + 1) | 0;
    Atomics.store(I, DONE, 0);
    Atomics.store(I, TICKET, (generation & 0x7fff) << 16);
    Atomics.store(I, GENERATION, generation);
    Atomics.notify(I, GENERATION);
    // The very code the workers run, so the two never disagree about how a job is cut.
    runChunks(I, this.floats, gemm, 0, generation, rows);
    let done = Atomics.load(I, DONE);
    for (let s = 0; done < chunks && (s < 1 << 14 || !this.canBlock); s++) {
      done = Atomics.load(I, DONE);
    }
    // A worker the OS has descheduled mid-chunk: sleep in short naps instead of spinning.
    while (done < chunks) {
      Atomics.wait(I, DONE, done, 0.05);
      done = Atomics.load(I, DONE);
    }
  }

  /** Stops the workers and frees the control block; the pool cannot be used again. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    Atomics.store(this.ints, STOP, 1);
    Atomics.add(this.ints, GENERATION, 1);
    Atomics.notify(this.ints, GENERATION);
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.heap.release(this.block.ptr, this.block.cls);
  }
}

interface WorkerHandle {
  worker: PoolWorker;
  post(message: unknown): void;
}

type WorkerFactory = (onReady: () => void, onError: (e: unknown) => void) => WorkerHandle;

function workerFactory(): WorkerFactory | undefined {
  const threads = nodeBuiltin<typeof import('node:worker_threads')>('node:worker_threads');
  if (threads) {
    return (onReady, onError) => {
      const worker: NodeWorker = new threads.Worker(workerSource(), { eval: true });
      worker.unref();
      worker.once('message', onReady);
      worker.once('error', onError);
      return { worker, post: (m) => worker.postMessage(m) };
    };
  }
  const g = globalThis as { crossOriginIsolated?: boolean };
  if (typeof Worker !== 'function' || g.crossOriginIsolated !== true) return undefined;
  const url = URL.createObjectURL(new Blob([workerSource()], { type: 'text/javascript' }));
  return (onReady, onError) => {
    const worker = new Worker(url);
    worker.addEventListener('message', onReady, { once: true });
    worker.addEventListener('error', onError, { once: true });
    return { worker, post: (m) => worker.postMessage(m) };
  };
}
