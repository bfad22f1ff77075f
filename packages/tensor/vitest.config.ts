import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // Recompiles the four wasm variants (once; about 30 s on a busy 2-core machine).
          testTimeout: 180_000,
        },
      },
      {
        // Node 20 validates relaxed SIMD only behind a flag: the wasm kernels again, with
        // it, so the relaxed-SIMD variants are tested too (Node 22+ has it on already).
        test: {
          name: 'relaxed-simd',
          include: ['src/wasm/wasm-backend.test.ts', 'src/wasm/training.test.ts'],
          execArgv: ['--experimental-wasm-relaxed-simd'],
          env: { NEUNET_REQUIRE_RELAXED_SIMD: '1' },
        },
      },
    ],
  },
});
