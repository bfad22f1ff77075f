// Shared by the tests of this package; not exported from index.ts.
import { type Param, Rng, Tensor } from '@neunet/tensor';
import { expect } from 'vitest';
import type { Optimizer } from '../src/optimizer.js';

export function randomParam(name: string, shape: number[], rng: Rng): Param {
  const value = Tensor.zeros(shape);
  for (let i = 0; i < value.size; i++) value.data[i] = rng.normal();
  return { name, value, grad: Tensor.zeros(shape) };
}

/** A param's state in the float64 reference: weights, buffers and update count. */
export interface Reference {
  readonly w: Float64Array;
  readonly slots: Float64Array[];
  t: number;
}

export interface ReferenceCheck {
  /** How many float64 buffers the reference update keeps per param. */
  slots: number;
  /** The schedule the optimizer was built with (identity when it has none). */
  rate?: (step: number, base: number) => number;
  /** The hand-written update in float64; `ref.t` already counts this step. */
  update(ref: Reference, g: Float64Array, rate: number): void;
  steps?: number;
}

/**
 * Runs `optimizer` and a float64 reference side by side on two params in two groups (the
 * second with its own learningRate of 0.05) and random gradients, checking the weights
 * after every step.
 */
export function checkAgainstReference(optimizer: Optimizer, check: ReferenceCheck): void {
  const rng = new Rng(7);
  const params = [randomParam('w', [3, 4], rng), randomParam('b', [4], rng)];
  optimizer.addParamGroup({ params: [params[0]!] });
  optimizer.addParamGroup({ params: [params[1]!], learningRate: 0.05 });
  const bases = [optimizer.learningRate, 0.05];
  const rate = check.rate ?? ((_: number, base: number) => base);
  const refs = params.map((p, k) => ({
    ref: {
      w: Float64Array.from(p.value.data),
      slots: Array.from({ length: check.slots }, () => new Float64Array(p.value.size)),
      t: 0,
    } satisfies Reference,
    base: bases[k]!,
  }));
  for (let s = 0; s < (check.steps ?? 6); s++) {
    params.forEach((p, k) => {
      for (let i = 0; i < p.grad.size; i++) p.grad.data[i] = rng.normal();
      const { ref, base } = refs[k]!;
      const r = rate(ref.t, base);
      ref.t += 1;
      check.update(ref, Float64Array.from(p.grad.data), r);
    });
    optimizer.step();
    params.forEach((p, k) => {
      const want = refs[k]!.ref.w;
      for (let i = 0; i < want.length; i++) {
        const got = p.value.data[i]!;
        if (Math.abs(got - want[i]!) > 1e-6 * (1 + Math.abs(want[i]!))) {
          expect.fail(`step ${s + 1}, ${p.name}[${i}]: got ${got}, reference ${want[i]}`);
        }
      }
    });
  }
}

/** The bit patterns of a float32 array, so that equality means bit-identical. */
export function bits(a: Float32Array): number[] {
  return Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
}
