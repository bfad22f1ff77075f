/** Block alignment: a cache line, which also keeps every f32x4 access aligned. */
const ALIGN = 64;
const MIN_CLASS = 6; // 64 bytes
const PAGE = 65536;

/**
 * The allocator for the wasm backend's memory: power-of-two size classes with a free list
 * each, above a bump pointer that grows the memory when it runs out.
 *
 * Arrays handed to callers (`array`) are returned to their free list by a
 * FinalizationRegistry once the array is garbage-collected, so a long run that keeps
 * creating and dropping layers reuses memory instead of growing without bound. A
 * subarray does not keep its parent alive; views that outlive their parent must be made
 * with `subview`.
 *
 * Growth: growing a *shared* WebAssembly.Memory keeps every existing view valid (the old
 * SharedArrayBuffer object just keeps its old length), so arrays handed out stay usable
 * forever and the heap remembers every buffer object it has seen in order to recognise
 * its own arrays. Growing a *plain* memory detaches its ArrayBuffer and empties every
 * view on it, so with a plain memory (a browser page that is not cross-origin isolated)
 * `array` hands out ordinary JS arrays and the kernels copy operands in and out.
 */
export class WasmHeap {
  private readonly buffers = new WeakSet<ArrayBufferLike>();
  private lastOwned: ArrayBufferLike | undefined;
  private readonly free: number[][] = [];
  private top: number;
  private readonly registry = new FinalizationRegistry<number>((held) => {
    // held = ptr + class: ptr is a multiple of 64 and the class is below 64.
    this.release(held - (held % ALIGN), held % ALIGN);
  });

  constructor(
    readonly memory: WebAssembly.Memory,
    base: number,
    readonly shared: boolean,
  ) {
    this.top = Math.ceil(base / ALIGN) * ALIGN;
    this.buffers.add(memory.buffer);
  }

  /** A zero-filled array of `length` floats the kernels can use in place when shared. */
  array(length: number): Float32Array {
    if (!this.shared) return new Float32Array(length);
    const cls = sizeClass(length * 4);
    const ptr = this.take(cls);
    const view = this.view(ptr, length);
    view.fill(0);
    this.registry.register(view, ptr + cls);
    return view;
  }

  /** Whether `data` lies in this heap's memory (so its byteOffset is its address). */
  owns(data: Float32Array): boolean {
    // Every kernel call asks this of each operand: the buffer that answered last comes
    // first, before the WeakSet's lookup.
    const buffer = data.buffer;
    if (buffer === this.lastOwned) return true;
    if (!this.buffers.has(buffer)) return false;
    this.lastOwned = buffer;
    return true;
  }

  /** A block of at least `bytes` bytes for the backend's own use; give it back with `release`. */
  malloc(bytes: number): { ptr: number; cls: number } {
    const cls = sizeClass(bytes);
    return { ptr: this.take(cls), cls };
  }

  release(ptr: number, cls: number): void {
    const list = this.free[cls];
    if (list) list.push(ptr);
    else this.free[cls] = [ptr];
  }

  /** A view on the memory as it is now: recreated on each call, as plain memory detaches on growth. */
  view(ptr: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, ptr, length);
  }

  private take(cls: number): number {
    const reused = this.free[cls]?.pop();
    if (reused !== undefined) return reused;
    const ptr = this.top;
    const end = ptr + 2 ** cls;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.memory.grow(Math.ceil((end - have) / PAGE));
      } catch (cause) {
        throw new Error(
          `wasm backend: cannot grow memory to ${end} bytes (${have} in use); ` +
            'the WebAssembly memory limit is reached',
          { cause },
        );
      }
      this.buffers.add(this.memory.buffer);
    }
    this.top = end;
    return ptr;
  }
}

function sizeClass(bytes: number): number {
  return Math.max(MIN_CLASS, Math.ceil(Math.log2(Math.max(bytes, 1))));
}
