import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The tests train small networks, start onnxruntime sessions, load tfjs models and run
    // esbuild: about a second at most on a quiet machine, several times that when the
    // machine is shared. A budget, not a speed assertion.
    testTimeout: 30_000,
  },
});
