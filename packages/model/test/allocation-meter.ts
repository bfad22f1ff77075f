// Counts what a piece of code allocates in typed arrays, for the loader's memory tests.
import { getBackend } from '@neunet/tensor';

const CONSTRUCTORS = [
  'ArrayBuffer',
  'Float32Array',
  'Float64Array',
  'Int32Array',
  'Uint32Array',
  'Uint8Array',
] as const;

type Constructor = (new (...args: unknown[]) => unknown) & { BYTES_PER_ELEMENT?: number };
type Method = (this: unknown, ...args: unknown[]) => { byteLength: number };

/** The bytes `new C(...args)` allocates: none for a view on an existing buffer. */
function bytesOf(target: Constructor, args: unknown[]): number {
  const [first] = args;
  const element = target.BYTES_PER_ELEMENT ?? 1;
  if (typeof first === 'number') return first * element;
  if (first instanceof ArrayBuffer || first instanceof SharedArrayBuffer) return 0;
  const length = (first as { length?: unknown } | null | undefined)?.length;
  return typeof length === 'number' ? length * element : 0;
}

/**
 * The total bytes of every ArrayBuffer and typed array `run` creates, freed or not, and
 * what the wasm backend's memory grows by (its tensors live there): an upper bound of what
 * `run` holds at its peak, with no garbage collection to blur it. It wraps the global
 * constructors (which code looks up at each `new`) and the methods that copy (`slice`,
 * `map`, `filter`, which make their result without a global lookup).
 */
export function bytesAllocatedBy(run: () => void): number {
  const wasm = (getBackend() as { heap?: { memory: WebAssembly.Memory } }).heap?.memory;
  let bytes = -(wasm?.buffer.byteLength ?? 0);
  const restore: (() => void)[] = [];
  const replace = <T extends object>(holder: T, key: keyof T & string, value: unknown) => {
    const saved = holder[key];
    (holder as Record<string, unknown>)[key] = value;
    restore.push(() => {
      (holder as Record<string, unknown>)[key] = saved;
    });
  };
  const global = globalThis as unknown as Record<string, Constructor>;
  for (const name of CONSTRUCTORS) {
    const target = global[name]!;
    replace(
      global,
      name,
      new Proxy(target, {
        construct(target, args, newTarget) {
          bytes += bytesOf(target, args);
          return Reflect.construct(target, args, newTarget === global[name] ? target : newTarget);
        },
      }),
    );
  }
  const typedArray = Object.getPrototypeOf(Float32Array.prototype) as Record<string, Method>;
  const copying: [Record<string, Method>, string][] = [
    [typedArray, 'slice'],
    [typedArray, 'map'],
    [typedArray, 'filter'],
    [ArrayBuffer.prototype as unknown as Record<string, Method>, 'slice'],
  ];
  for (const [holder, key] of copying) {
    const method = holder[key]!;
    replace(holder, key, function (this: unknown, ...args: unknown[]) {
      const result = method.apply(this, args);
      bytes += result.byteLength;
      return result;
    });
  }
  try {
    run();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return bytes + (wasm?.buffer.byteLength ?? 0);
}
