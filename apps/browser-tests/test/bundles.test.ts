import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Platform } from 'esbuild';
import { build as viteBuild } from 'vite';
import { describe, expect, it } from 'vitest';

const WASM_MAGIC = 'AGFzbQ'; // "\0asm" in base64: the start of every embedded wasm module
/** A string evaluated as code: what a Content-Security-Policy without 'unsafe-eval' blocks. */
const EVAL =
  /\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(|\bFunction\.(?:apply|call)\s*\(|(?<![\w$.])eval\s*\(/;

async function bundle(source: string, platform: Platform, minify = true): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    minify,
    format: 'esm',
    platform,
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

const ACCURACY_ONLY =
  "import { calculateAccuracy } from '@neunet/metrics';\nconsole.log(calculateAccuracy([1, 0], [1, 1]));";

describe('what a bundle carries', () => {
  it('importing only calculateAccuracy for a browser bundles no wasm', async () => {
    const code = await bundle(ACCURACY_ONLY, 'browser');
    console.log(`calculateAccuracy alone, esbuild, browser, minified: ${code.length} bytes`);
    expect(code).not.toContain(WASM_MAGIC);
    // The js backend (the reference of every Backend op: 17 KB with the ops of #11, 8 KB
    // more with convolution and pooling) and the metric; the four wasm variants alone were 52 KB.
    expect(code.length).toBeLessThan(28_000);
  });

  it('and none through Vite (Rollup-style resolution) either', async () => {
    const output = await viteBuild({
      configFile: false,
      logLevel: 'silent',
      root: import.meta.dirname,
      plugins: [
        {
          name: 'entry',
          resolveId: (id) => (id === 'entry' ? '\0entry' : undefined),
          load: (id) => (id === '\0entry' ? ACCURACY_ONLY : undefined),
        },
      ],
      build: { write: false, rollupOptions: { input: 'entry' }, modulePreload: false },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) =>
      'output' in o ? o.output : [],
    );
    const code = chunks.map((c) => ('code' in c ? c.code : '')).join('');
    console.log(`calculateAccuracy alone, Vite, browser, minified: ${code.length} bytes`);
    expect(code.length).toBeGreaterThan(0);
    expect(code).not.toContain(WASM_MAGIC);
  });

  it('a browser bundle that calls initWasmBackend carries the kernels', async () => {
    const code = await bundle(
      "import { initWasmBackend } from '@neunet/tensor';\nawait initWasmBackend();",
      'browser',
    );
    console.log(`initWasmBackend, esbuild, browser, minified: ${code.length} bytes`);
    expect(code).toContain(WASM_MAGIC);
  });

  it('a bundle for Node keeps wasm as the default backend, so it carries the kernels', async () => {
    const code = await bundle(ACCURACY_ONLY, 'node');
    console.log(`calculateAccuracy alone, esbuild, node, minified: ${code.length} bytes`);
    expect(code).toContain(WASM_MAGIC);
  });
});

describe('no string is evaluated as code', () => {
  const packages = join(import.meta.dirname, '..', '..', '..', 'packages');
  const published = readdirSync(packages).filter((name) => {
    const manifest = JSON.parse(readFileSync(join(packages, name, 'package.json'), 'utf8'));
    return manifest.private !== true;
  });

  it('in the built files of any published package', () => {
    expect(published.length).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const name of published) {
      const dist = join(packages, name, 'dist');
      for (const file of readdirSync(dist).filter((f) => /\.c?js$/.test(f))) {
        const match = readFileSync(join(dist, file), 'utf8').match(EVAL);
        if (match) offenders.push(`${name}/dist/${file}: ${match[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('in a browser bundle of the runtime packages and their dependencies', async () => {
    // Unminified, so the matches name their source.
    const code = await bundle(
      [
        "export * from '@neunet/tensor';",
        "export * from '@neunet/layers';",
        "export * from '@neunet/regularization';",
        "export * from '@neunet/losses';",
        "export * from '@neunet/model';",
        "export * from '@neunet/metrics';",
        "export * from '@neunet/export';",
      ].join('\n'),
      'browser',
      false,
    );
    const offenders = code
      .split('\n')
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => EVAL.test(line))
      .map(({ line, i }) => `${i + 1}: ${line.trim().slice(0, 120)}`);
    expect(offenders).toEqual([]);
  });
});
