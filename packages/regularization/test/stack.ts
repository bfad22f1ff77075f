import type { ForwardOptions, Layer, LayerConfig } from '@neunet/layers';
import type { Param, Shape, Tensor } from '@neunet/tensor';

/**
 * Layers run one after another as one layer, so that `gradientCheck` checks a whole
 * stack. `beforeForward` runs before every forward (to redraw the same dropout mask).
 * Test helper only.
 */
export class Stack implements Layer {
  constructor(
    readonly layers: Layer[],
    private readonly beforeForward: () => void = () => {},
  ) {}

  computeOutputShape(inputShape: Shape): Shape {
    return this.layers.reduce((shape, layer) => layer.computeOutputShape(shape), inputShape);
  }

  build(inputShape: Shape): void {
    let shape = inputShape;
    for (const layer of this.layers) {
      layer.build(shape);
      shape = layer.computeOutputShape(shape);
    }
  }

  forward(x: Tensor, options?: ForwardOptions): Tensor {
    this.beforeForward();
    return this.layers.reduce((out, layer) => layer.forward(out, options), x);
  }

  backward(dy: Tensor): Tensor {
    return this.layers.reduceRight((g, layer) => layer.backward(g), dy);
  }

  params(): Param[] {
    return this.layers.flatMap((layer, i) =>
      layer.params().map((p) => ({ ...p, name: `${i}.${p.name}` })),
    );
  }

  getConfig(): LayerConfig {
    return { type: 'Stack' };
  }
}
