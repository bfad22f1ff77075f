import { defineConfig } from 'tsup';

export default defineConfig({
  // index: browsers and the default; node: the `node` export condition (wasm by default);
  // conformance: the backend test suite, a subpath so the runtime bundle does not carry it.
  entry: ['src/index.ts', 'src/node.ts', 'src/conformance.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
