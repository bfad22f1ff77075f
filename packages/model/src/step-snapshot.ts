import type { Layer } from '@neunet/layers';
import { Rng, type Tensor } from '@neunet/tensor';

/**
 * What a training step may change before its batch is accepted: the layers' buffers
 * (BatchNormalization's running statistics, updated by the forward pass), the random
 * streams (Dropout's masks, the epoch's shuffle) and the learning-rate scale (set by
 * callbacks at an epoch's start). Weights and optimizer state change only after the
 * batch is accepted. Saved before every batch and put back when one is rejected, so that
 * a rejected batch changes nothing. The copies are reused: saving allocates nothing.
 */
export class StepSnapshot {
  private buffers: Tensor[] = [];
  private savedBuffers: Float32Array[] = [];
  private readonly savedRngs: Rng[];
  private scale = 1;

  constructor(
    private readonly rngs: readonly Rng[],
    private readonly model: { learningRateScale: number },
  ) {
    this.savedRngs = rngs.map(() => new Rng(0));
  }

  /** Follows the layers' buffers from now on (once built); saves their current values. */
  track(layers: readonly Layer[]): void {
    this.buffers = layers.flatMap((layer) => (layer.buffers?.() ?? []).map((b) => b.value));
    this.savedBuffers = this.buffers.map((t) => t.data.slice());
  }

  save(): void {
    for (let i = 0; i < this.buffers.length; i++) {
      this.savedBuffers[i]!.set(this.buffers[i]!.data);
    }
    for (let i = 0; i < this.rngs.length; i++) this.savedRngs[i]!.copyFrom(this.rngs[i]!);
    this.scale = this.model.learningRateScale;
  }

  restore(): void {
    for (let i = 0; i < this.buffers.length; i++) {
      this.buffers[i]!.data.set(this.savedBuffers[i]!);
    }
    for (let i = 0; i < this.rngs.length; i++) this.rngs[i]!.copyFrom(this.savedRngs[i]!);
    this.model.learningRateScale = this.scale;
  }
}
