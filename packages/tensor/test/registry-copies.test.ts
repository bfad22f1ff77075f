import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Tensor from '../src/index.js';

// The built package, loaded the ways an application can end up with two copies of it:
// the ESM and the CJS build, and the node and browser entries.
const dist = join(import.meta.dirname, '..', 'dist');
const require = createRequire(import.meta.url);
type Copy = typeof Tensor;
const load = async (file: string): Promise<Copy> =>
  file.endsWith('.cjs') ? require(join(dist, file)) : import(pathToFileURL(join(dist, file)).href);

const KEY = Symbol.for('neunet.tensor.registry');
const holder = globalThis as { [KEY]?: unknown };

describe('copies of @neunet/tensor in one process', () => {
  afterEach(async () => (await load('node.js')).setBackend('js'));

  it('share one backend registry: setBackend in one is what getBackend returns in another', async () => {
    const copies = await Promise.all(['node.js', 'node.cjs', 'index.js', 'index.cjs'].map(load));
    const [esm, cjs] = copies as [Copy, Copy];
    expect(esm.JsBackend).not.toBe(cjs.JsBackend); // really two copies

    const custom = new cjs.JsBackend();
    cjs.setBackend(custom);
    for (const copy of copies) expect(copy.getBackend()).toBe(custom);

    esm.setBackend('js');
    const selected = esm.getBackend();
    expect(selected).not.toBe(custom);
    for (const copy of copies) expect(copy.getBackend()).toBe(selected);

    cjs.registerBackend('mine', () => custom);
    expect(esm.setBackend('mine')).toBe(custom);
    expect(copies[3]!.getBackend()).toBe(custom);
  });

  it('refuses, naming both versions, a registry left by an incompatible copy', async () => {
    const esm = await load('node.js');
    const saved = holder[KEY];
    holder[KEY] = { version: 2 };
    try {
      expect(() => esm.getBackend()).toThrow(
        /another copy of @neunet\/tensor with backend registry version 2 .* expects version 1/,
      );
      expect(() => esm.setBackend('js')).toThrow(/registry version 2/);
    } finally {
      holder[KEY] = saved;
    }
  });
});
