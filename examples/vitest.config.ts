import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test runs a program in a child process (or TypeDoc, or a browser) on a machine
    // that may be busy: generous budgets, set per test where they differ.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
