import { defineConfig } from 'tsup';

export default defineConfig({
  // index: browsers and the default; node: the `node` export condition (wasm by default).
  entry: ['src/index.ts', 'src/node.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
