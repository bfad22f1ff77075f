import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Under `script-src 'self' 'wasm-unsafe-eval'` (Manifest V3 extensions, many sites) any
// evaluation of a string throws, at import time if it runs at module load. So this bundles
// the package with everything it loads at run time, as an app would for the browser, and
// looks for every way JavaScript turns a string into code.
const STRING_EVALUATION: [string, RegExp][] = [
  ['new Function(...)', /\bnew\s+Function\s*\(/],
  ['Function(...) called without new', /(?<![\w$.])Function\s*\(/],
  ['Function.apply/call/bind', /(?<![\w$.])Function\s*\.\s*(apply|call|bind)\b/],
  ['eval(...) or (0, eval)(...)', /(?<![\w$.])eval\s*[()]/],
  ['eval through the global object', /\b(globalThis|window|self|global)\s*\.\s*eval\b/],
];

describe('a strict Content-Security-Policy', () => {
  it('the browser bundle of @neunet/export and its dependencies evaluates no strings', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    // Not vacuous: the encoder's library and every NeuNet package it uses are in the bundle.
    for (const dependency of ['@bufbuild/protobuf', 'tensor/', 'layers/', 'model/']) {
      expect(
        inputs.some((path) => path.includes(dependency)),
        dependency,
      ).toBe(true);
    }
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('exportOnnx');
    const found = STRING_EVALUATION.flatMap(([what, pattern]) => {
      const match = pattern.exec(code);
      return match ? [`${what}: …${code.slice(match.index - 60, match.index + 60)}…`] : [];
    });
    expect(found).toEqual([]);
  });
});
