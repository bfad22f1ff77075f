import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The checks of the packages as published (pack, install elsewhere, run, type-check) and
// of their metadata; `pnpm test:packages`, run by `pnpm test` after every package is built.
export default defineConfig({
  test: {
    root: dirname(fileURLToPath(import.meta.url)),
    include: ['*.test.ts'],
  },
});
