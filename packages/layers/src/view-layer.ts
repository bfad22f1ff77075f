import type { Param, Shape, Tensor } from '@neunet/tensor';
import type { ForwardOptions, Layer, LayerConfig } from './layer.js';
import { formatShape, holdsSamplesOf, sampleShape } from './shape.js';

/**
 * A layer that only changes how a batch's values are shaped (Flatten, Reshape): forward
 * and backward return views on the same memory, so it copies nothing.
 */
export abstract class ViewLayer implements Layer {
  private input: Shape | undefined;
  private shape: Shape | undefined;
  // One view each way, remade only when a new tensor comes: a model hands the same
  // reused buffers back batch after batch.
  private from: Tensor | undefined;
  private to: Tensor | undefined;
  private gradFrom: Tensor | undefined;
  private gradTo: Tensor | undefined;

  get outputShape(): Shape | undefined {
    return this.shape;
  }

  abstract computeOutputShape(inputShape: Shape): Shape;
  abstract getConfig(): LayerConfig;

  build(inputShape: Shape): void {
    this.shape = this.computeOutputShape(inputShape);
    this.input = [...inputShape];
    this.from = undefined;
    this.gradFrom = undefined;
  }

  params(): Param[] {
    return [];
  }

  forward(x: Tensor, _options?: ForwardOptions): Tensor {
    if (!this.input || !holdsSamplesOf(x, this.input)) this.build(sampleShape(x));
    if (x !== this.from) {
      this.from = x;
      this.to = x.reshape([x.rows, ...this.shape!]);
    }
    return this.to!;
  }

  backward(dy: Tensor): Tensor {
    if (!this.shape || !this.input) {
      throw new Error(`${this.getConfig().type}.backward called before forward`);
    }
    if (!holdsSamplesOf(dy, this.shape)) {
      throw new Error(
        `${this.getConfig().type}.backward: gradient is ${formatShape(dy.shape)}, expected [batch, ${this.shape.join(', ')}]`,
      );
    }
    if (dy !== this.gradFrom) {
      this.gradFrom = dy;
      this.gradTo = dy.reshape([dy.rows, ...this.input]);
    }
    return this.gradTo!;
  }
}
