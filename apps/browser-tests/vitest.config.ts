import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Bundling the packages and training in Chromium on a busy 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
