import type { Layer } from '@neunet/layers';
import { getBackend, Tensor } from '@neunet/tensor';

/** One layer's figures for one epoch. */
export interface LayerDiagnostics {
  /** The layer's position, from 0. */
  layer: number;
  type: string;
  /** The mean over the epoch's batches of the L2 norm of the layer's gradients (before clipping). */
  gradientNorm?: number;
  /**
   * For a layer whose output ends with ReLU (ReLU, `Dense({ activation: 'relu' })`,
   * `Conv2D({ activation: 'relu' })`): units that output no positive value for any training
   * sample of the epoch (a NaN output counts as none), of `units`. A unit is an entry of
   * the last axis: a channel of an image, so a filter is dead when it fires nowhere.
   */
  deadUnits?: number;
  units?: number;
}

/** Collects gradient norms and ReLU activity over an epoch, for `history.diagnostics`. */
export class DiagnosticsCollector {
  private norms: Float64Array;
  private batches = 0;
  /** Per ReLU-ended layer: each unit's largest output so far this epoch, from 0. */
  private peaks: (Tensor | undefined)[];
  private batchPeaks: (Tensor | undefined)[];

  constructor(private readonly layers: readonly Layer[]) {
    this.norms = new Float64Array(layers.length);
    this.peaks = layers.map(() => undefined);
    this.batchPeaks = layers.map(() => undefined);
  }

  startEpoch(): void {
    this.norms.fill(0);
    this.batches = 0;
    this.peaks = this.layers.map(() => undefined);
  }

  /** Call after the forward pass with every layer's output. */
  recordOutputs(outputs: readonly Tensor[]): void {
    const backend = getBackend();
    this.layers.forEach((layer, i) => {
      if (layer.outputActivation !== 'relu') return;
      const units = outputs[i]!.shape.at(-1)!;
      // Every position of an image (or step of a sequence) is one more sample of each unit.
      const out = outputs[i]!.reshape([-1, units]);
      let peak = this.peaks[i];
      if (peak?.size !== units) this.peaks[i] = peak = Tensor.allocate([units]);
      let batch = this.batchPeaks[i];
      if (batch?.size !== units) this.batchPeaks[i] = batch = Tensor.allocate([units]);
      backend.maximum(peak, backend.reduceColumns('max', out, batch), peak);
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
      const peak = this.peaks[i];
      if (peak) {
        entry.deadUnits = peak.data.reduce((n, p) => n + (p > 0 ? 0 : 1), 0);
        entry.units = peak.size;
      }
      return entry.gradientNorm === undefined && peak === undefined ? [] : [entry];
    });
  }
}
