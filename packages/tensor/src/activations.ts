import type { ActivationKind } from './backend.js';

/**
 * An element-wise activation, defined once: its forward pass and its derivative, taken
 * from its output y (for the ReLUs, y > 0 exactly when x > 0). Each is a whole loop, not
 * a per-element callback, so each loop stays monomorphic and V8 compiles it tight.
 */
export interface ActivationDefinition {
  /** O[i] = act(X[i]) for i < n. O may be X. */
  forward(X: Float32Array, O: Float32Array, n: number, alpha: number): void;
  /** O[i] = G[i] · act'(x_i), from Y[i] = act(x_i). O may be G. */
  backward(Y: Float32Array, G: Float32Array, O: Float32Array, n: number, alpha: number): void;
}

/**
 * The one table of activations: the JS backend runs it, the wasm kernels
 * (assembly/kernels.ts, numbered in wasm/codes.ts) mirror it and the conformance suite
 * checks them against it, and the layers take their list of names from it.
 */
export const ACTIVATIONS: Readonly<Record<ActivationKind, ActivationDefinition>> = {
  linear: {
    forward(X, O) {
      if (O !== X) O.set(X);
    },
    backward(_Y, G, O) {
      if (O !== G) O.set(G);
    },
  },
  relu: {
    forward(X, O, n) {
      for (let i = 0; i < n; i++) O[i] = Math.max(X[i]!, 0);
    },
    backward(Y, G, O, n) {
      for (let i = 0; i < n; i++) O[i] = Y[i]! > 0 ? G[i]! : 0;
    },
  },
  /** x for x > 0, alpha·x otherwise. */
  leakyRelu: {
    forward(X, O, n, alpha) {
      for (let i = 0; i < n; i++) {
        const v = X[i]!;
        O[i] = v > 0 ? v : alpha * v;
      }
    },
    backward(Y, G, O, n, alpha) {
      for (let i = 0; i < n; i++) O[i] = Y[i]! > 0 ? G[i]! : alpha * G[i]!;
    },
  },
  sigmoid: {
    forward(X, O, n) {
      for (let i = 0; i < n; i++) O[i] = 1 / (1 + Math.exp(-X[i]!));
    },
    backward(Y, G, O, n) {
      for (let i = 0; i < n; i++) O[i] = G[i]! * Y[i]! * (1 - Y[i]!);
    },
  },
  tanh: {
    forward(X, O, n) {
      for (let i = 0; i < n; i++) O[i] = Math.tanh(X[i]!);
    },
    backward(Y, G, O, n) {
      for (let i = 0; i < n; i++) O[i] = G[i]! * (1 - Y[i]! * Y[i]!);
    },
  },
};

/** The activation names, in the table's order. */
export const activationKinds: readonly ActivationKind[] = Object.keys(
  ACTIVATIONS,
) as ActivationKind[];

/** The table's row for `kind`, or an error naming `where` and the known kinds. */
export function activationDefinition(where: string, kind: ActivationKind): ActivationDefinition {
  const def = Object.hasOwn(ACTIVATIONS, kind) ? ACTIVATIONS[kind] : undefined;
  if (!def) throw new Error(`${where}: unknown kind '${String(kind)}'`);
  return def;
}
