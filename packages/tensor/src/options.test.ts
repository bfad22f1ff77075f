import { describe, expect, it } from 'vitest';
import { conv2dGeometry, pool2dGeometry } from './conv-geometry.js';
import { createWasmBackend } from './wasm/create.js';
import { initWasmBackend } from './wasm/init.js';

// JavaScript callers have no type check: `{ thread: 1 }` started a worker per core before.
describe('tensor options: an unknown key names it and the nearest valid name', () => {
  it('the wasm backend factories reject one', async () => {
    expect(() => createWasmBackend({ thread: 1 } as never)).toThrow(
      "createWasmBackend: unknown option 'thread'; did you mean 'threads'?",
    );
    await expect(initWasmBackend({ relaxed_simd: false } as never)).rejects.toThrow(
      "initWasmBackend: unknown option 'relaxed_simd'; did you mean 'relaxedSimd'?",
    );
  });

  it('the convolution and pooling geometries reject one', () => {
    const image = { inputShape: [4, 4, 1], padding: 'valid' as const };
    expect(() =>
      conv2dGeometry({ ...image, kernelSize: 2, filters: 1, dilation: 2 } as never),
    ).toThrow("conv2dGeometry: unknown option 'dilation'; expected one of");
    expect(() => pool2dGeometry({ ...image, pool_size: 2 } as never)).toThrow(
      "pool2dGeometry: unknown option 'pool_size'; did you mean 'poolSize'?",
    );
  });
});
