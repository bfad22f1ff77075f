import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const packages = fileURLToPath(new URL('../../packages', import.meta.url));
const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// Cross-origin isolation (SharedArrayBuffer), which a threaded WebAssembly backend needs.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative URLs: the built site works from any path on a static host.
  base: './',
  // The playground bundles the packages' sources, so it needs no prior build of them.
  resolve: {
    alias: [{ find: /^@neunet\/([a-z-]+)$/, replacement: `${packages}/$1/src/index.ts` }],
  },
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  // plotly.js alone is a 4.7 MB chunk.
  build: {
    chunkSizeWarningLimit: 5000,
    // Two pages: the training playground and the draw-a-digit pad.
    rolldownOptions: { input: { main: page('index.html'), digits: page('digits.html') } },
  },
});
