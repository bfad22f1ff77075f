import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    // The browser test builds the playground and trains in it.
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
