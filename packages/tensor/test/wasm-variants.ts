import { createWasmVariant } from '../src/wasm/create.js';
import { relaxedPlain } from '../src/wasm/generated/modules.js';
import type { WasmBackend } from '../src/wasm/wasm-backend.js';

/**
 * Whether this engine validates relaxed SIMD. Node 20 does only with
 * --experimental-wasm-relaxed-simd, which the `relaxed-simd` vitest project passes.
 */
export const relaxed = WebAssembly.validate(Buffer.from(relaxedPlain, 'base64'));
if (!relaxed) {
  console.log('relaxed-SIMD variants skipped here: this engine does not validate relaxed SIMD');
}
if (process.env.NEUNET_REQUIRE_RELAXED_SIMD && !relaxed) {
  throw new Error(
    'NEUNET_REQUIRE_RELAXED_SIMD: relaxed SIMD is not validated; is the flag passed?',
  );
}

/**
 * All four compiled variants, named: SIMD128 or relaxed SIMD, on shared memory (kernels
 * use the tensors they allocated in place; also split over two threads) or on plain
 * memory (as on a page that is not cross-origin isolated: every operand is copied in and
 * out). All must agree with the reference. Dispose of them after the tests.
 */
export function wasmVariants(): [string, WasmBackend][] {
  const variants: [string, WasmBackend][] = [];
  for (const relaxedSimd of relaxed ? [false, true] : [false]) {
    const kind = relaxedSimd ? 'relaxed SIMD' : 'SIMD128';
    variants.push(
      [
        `${kind}, shared memory, one thread`,
        createWasmVariant({ threads: 1 }, { relaxedSimd, sharedMemory: true }),
      ],
      [
        `${kind}, plain memory`,
        createWasmVariant({ threads: 2 }, { relaxedSimd, sharedMemory: false }),
      ],
    );
    const threaded = createWasmVariant({ threads: 2 }, { relaxedSimd, sharedMemory: true });
    threaded.threadThreshold = 0;
    threaded.threadPolicy = undefined;
    variants.push([`${kind}, shared memory, two threads`, threaded]);
  }
  return variants;
}
