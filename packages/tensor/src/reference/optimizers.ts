/** The reference optimizer updates (Adam's is in JsBackend); see Backend for the maths. */

/** The length w, g (and a slot) share, or an error naming them. Fixed arity: no array per call. */
function sameLength(where: string, w: Float32Array, g: Float32Array, slot = g): number {
  const n = w.length;
  if (g.length !== n || slot.length !== n) {
    throw new Error(
      `${where}: w, g and the slot hold ${n}, ${g.length} and ${slot.length} values; expected the same`,
    );
  }
  return n;
}

export function sgdUpdate(
  w: Float32Array,
  g: Float32Array,
  velocity: Float32Array | undefined,
  rate: number,
  momentum: number,
  nesterov: boolean,
): void {
  const mu = momentum;
  if (mu === 0) {
    const n = sameLength('sgdUpdate', w, g);
    for (let i = 0; i < n; i++) w[i] = w[i]! - rate * g[i]!;
    return;
  }
  if (!velocity) throw new Error('sgdUpdate: momentum needs a velocity array');
  const n = sameLength('sgdUpdate', w, g, velocity);
  const v = velocity;
  if (nesterov) {
    for (let i = 0; i < n; i++) {
      const step = rate * g[i]!;
      const vi = mu * v[i]! - step;
      v[i] = vi;
      w[i] = w[i]! + mu * vi - step;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const vi = mu * v[i]! - rate * g[i]!;
      v[i] = vi;
      w[i] = w[i]! + vi;
    }
  }
}

export function rmspropUpdate(
  w: Float32Array,
  g: Float32Array,
  cache: Float32Array,
  rate: number,
  rho: number,
  epsilon: number,
): void {
  const n = sameLength('rmspropUpdate', w, g, cache);
  for (let i = 0; i < n; i++) {
    const gi = g[i]!;
    const ci = rho * cache[i]! + (1 - rho) * gi * gi;
    cache[i] = ci;
    w[i] = w[i]! - (rate * gi) / (Math.sqrt(ci) + epsilon);
  }
}

export function adagradUpdate(
  w: Float32Array,
  g: Float32Array,
  cache: Float32Array,
  rate: number,
  epsilon: number,
): void {
  const n = sameLength('adagradUpdate', w, g, cache);
  for (let i = 0; i < n; i++) {
    const gi = g[i]!;
    const ci = cache[i]! + gi * gi;
    cache[i] = ci;
    w[i] = w[i]! - (rate * gi) / (Math.sqrt(ci) + epsilon);
  }
}
