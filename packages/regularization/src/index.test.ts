import { createRequire } from 'node:module';
import * as layers from '@neunet/layers';
import { describe, expect, it } from 'vitest';
import type * as regularization from './index.js';
import { BatchNormalization, Dropout, L1, L1L2, L2, registerRegularization } from './index.js';

describe('@neunet/regularization', () => {
  it('owns BatchNormalization and Dropout: @neunet/layers no longer exports them', () => {
    expect(layers).not.toHaveProperty('BatchNormalization');
    expect(layers).not.toHaveProperty('Dropout');
    expect(new BatchNormalization().getConfig().type).toBe('BatchNormalization');
    expect(new Dropout(0.5).getConfig()).toEqual({ type: 'Dropout', rate: 0.5 });
  });

  it('registers its layers and regularizers on request, once, whichever build asks first', () => {
    registerRegularization();
    registerRegularization();
    expect(layers.findLayer('BatchNormalization')).toBe(BatchNormalization);
    expect(layers.findLayer('Dropout')).toBe(Dropout);
    expect(layers.findRegularizer('L1')).toBe(L1);
    expect(layers.findRegularizer('L2')).toBe(L2);
    expect(layers.findRegularizer('L1L2')).toBe(L1L2);
    // The CommonJS build has classes of its own: the ones registered first stay.
    const cjs = createRequire(import.meta.url)('@neunet/regularization') as typeof regularization;
    expect(cjs.Dropout).not.toBe(Dropout);
    cjs.registerRegularization();
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
