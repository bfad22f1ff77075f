import { createRequire } from 'node:module';
import * as layers from '@neunet/layers';
import { describe, expect, it } from 'vitest';
import { BatchNormalization, Dropout } from './index.js';

describe('@neunet/regularization', () => {
  it("re-exports @neunet/layers' BatchNormalization and Dropout, which the registry knows", () => {
    expect(BatchNormalization).toBe(layers.BatchNormalization);
    expect(Dropout).toBe(layers.Dropout);
    expect(layers.findLayer('BatchNormalization')).toBe(BatchNormalization);
    expect(layers.findLayer('Dropout')).toBe(Dropout);
  });

  it('shares one layer registry between the ESM and the CommonJS build of @neunet/layers', () => {
    const cjs = createRequire(import.meta.url)('@neunet/layers') as typeof layers;
    // Two copies really are loaded side by side: each has its own classes.
    expect(cjs.Dense).not.toBe(layers.Dense);
    class FromCjs extends layers.Linear {
      static override readonly layerType = 'RegisteredThroughCjs';
    }
    class FromEsm extends layers.Linear {
      static override readonly layerType = 'RegisteredThroughEsm';
    }
    cjs.registerLayer(FromCjs);
    layers.registerLayer(FromEsm);
    expect(layers.findLayer('RegisteredThroughCjs')).toBe(FromCjs);
    expect(cjs.findLayer('RegisteredThroughEsm')).toBe(FromEsm);
  });
});
