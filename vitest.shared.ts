import { defineConfig } from 'vitest/config';

// Vitest's default of 5 s per test fails correct tests when the machine is oversubscribed
// (CI may run with the other core busy): no test's outcome may depend on machine speed.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
