import type { Layer } from '@neunet/layers';
import { getBackend, type Param, type Tensor } from '@neunet/tensor';

/** The first non-finite value of `t`, as a phrase; undefined when all are finite. */
function firstNonFinite(t: Tensor): string | undefined {
  const i = getBackend().firstNonFinite(t);
  return i < 0 ? undefined : `${t.data[i]} at index ${i}`;
}

/** Which layer's output first went bad, given the outputs of the last forward pass. */
export function locateInOutputs(
  layers: readonly Layer[],
  outputs: readonly Tensor[],
): string | undefined {
  for (let i = 0; i < outputs.length; i++) {
    const bad = firstNonFinite(outputs[i]!);
    if (bad) return `layer ${i + 1} (${layers[i]!.getConfig().type}) output holds ${bad}`;
  }
  return undefined;
}

/** The first param whose gradient is not finite, named by its layer; `params` per layer. */
export function locateInGradients(
  layers: readonly Layer[],
  params: readonly (readonly Param[])[],
): string | undefined {
  for (let i = 0; i < layers.length; i++) {
    const own = params[i]!;
    for (let j = 0; j < own.length; j++) {
      const param = own[j]!;
      const bad = firstNonFinite(param.grad);
      if (bad) {
        return `layer ${i + 1} (${layers[i]!.getConfig().type}) gradient of '${param.name}' holds ${bad}`;
      }
    }
  }
  return undefined;
}

/** Limits every gradient element to [−clipValue, clipValue]. */
export function clipByValue(params: readonly Param[], clipValue: number): void {
  const backend = getBackend();
  for (const param of params) backend.clamp(param.grad, clipValue, param.grad);
}

/**
 * Rescales all gradients together so that their global L2 norm is at most `clipNorm`,
 * which keeps the update's direction. Returns the norm before clipping.
 */
export function clipByNorm(params: readonly Param[], clipNorm: number): number {
  const backend = getBackend();
  let squares = 0;
  for (const param of params) squares = backend.sumSquares(param.grad, squares);
  const norm = Math.sqrt(squares);
  if (norm > clipNorm) {
    const scale = clipNorm / norm;
    for (const param of params) backend.scale(param.grad, scale, param.grad);
  }
  return norm;
}
