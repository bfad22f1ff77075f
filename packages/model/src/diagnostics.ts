import type { Layer } from '@neunet/layers';
import { getBackend, type Tensor } from '@neunet/tensor';

/** One layer's figures for one epoch. */
export interface LayerDiagnostics {
  /** The layer's position, from 0. */
  layer: number;
  type: string;
  /** The mean over the epoch's batches of the L2 norm of the layer's gradients (before clipping). */
  gradientNorm?: number;
  /**
   * For a layer whose output ends with ReLU (ReLU, `Dense({ activation: 'relu' })`): units
   * that output 0 for every training sample of the epoch, of `units`.
   */
  deadUnits?: number;
  units?: number;
}

/** Collects gradient norms and ReLU activity over an epoch, for `history.diagnostics`. */
export class DiagnosticsCollector {
  private norms: Float64Array;
  private batches = 0;
  private active: (Uint8Array | undefined)[];

  constructor(private readonly layers: readonly Layer[]) {
    this.norms = new Float64Array(layers.length);
    this.active = layers.map(() => undefined);
  }

  startEpoch(): void {
    this.norms.fill(0);
    this.batches = 0;
    this.active = this.layers.map(() => undefined);
  }

  /** Call after the forward pass with every layer's output. */
  recordOutputs(outputs: readonly Tensor[]): void {
    this.layers.forEach((layer, i) => {
      if (layer.outputActivation !== 'relu') return;
      const out = outputs[i]!;
      const flags = this.active[i] ?? new Uint8Array(out.cols);
      this.active[i] = flags;
      const data = out.data;
      for (let k = 0; k < data.length; k++) if (data[k]! > 0) flags[k % out.cols] = 1;
    });
  }

  /** Call after the backward pass, before clipping. */
  recordGradients(): void {
    this.batches++;
    const backend = getBackend();
    this.layers.forEach((layer, i) => {
      let squares = 0;
      for (const param of layer.params()) squares = backend.sumSquares(param.grad, squares);
      this.norms[i] = this.norms[i]! + Math.sqrt(squares);
    });
  }

  epoch(): LayerDiagnostics[] {
    return this.layers.flatMap((layer, i): LayerDiagnostics[] => {
      const entry: LayerDiagnostics = { layer: i, type: layer.getConfig().type };
      if (layer.params().length > 0)
        entry.gradientNorm = this.norms[i]! / Math.max(1, this.batches);
      const flags = this.active[i];
      if (flags) {
        entry.deadUnits = flags.reduce((n, f) => n + (f === 0 ? 1 : 0), 0);
        entry.units = flags.length;
      }
      return entry.gradientNorm === undefined && flags === undefined ? [] : [entry];
    });
  }
}
