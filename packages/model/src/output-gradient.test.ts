import { createData } from '@neunet/datasets';
import { Dense, type Layer, type LayerConfig, ReLU, Sigmoid, Softmax } from '@neunet/layers';
import { BinaryCrossentropy, CategoricalCrossentropy, type Loss } from '@neunet/losses';
import { BatchNormalization } from '@neunet/regularization';
import { type Shape, setBackend, Tensor } from '@neunet/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { NeuralNetwork } from './neural-network.js';
import { outputGradient } from './output-gradient.js';

/**
 * The whole backward pass of a model (the fused output gradient, every layer, the L2
 * penalty) against central differences of its loss, for every parameter.
 */
function worstGradientError(model: NeuralNetwork, x: Tensor, y: Int32Array, loss: Loss): number {
  const params = model.params();
  // Non-zero biases: the spiral's first points sit at the origin, where zero biases would
  // put their ReLU inputs exactly on the kink and spoil the differences.
  for (const p of params)
    if (p.name === 'bias')
      p.value.data.forEach((_, i, b) => {
        b[i] = 0.05 * ((i % 3) + 1);
      });
  const objective = () => loss.forward(model.forward(x, true), y) + loss.penalty.value(params);
  const { gradient, through } = outputGradient(model.layers, loss);
  const pred = model.forward(x, true);
  let grad = gradient(pred, y, Tensor.zeros([pred.rows, pred.cols]));
  for (let i = through - 1; i >= 0; i--) grad = model.layers[i]!.backward(grad);
  loss.penalty.addGradients(params);
  const h = 1e-3;
  let worst = 0;
  for (const p of params) {
    const analytic = p.grad.data.slice();
    for (let i = 0; i < p.value.size; i++) {
      const saved = p.value.data[i]!;
      p.value.data[i] = saved + h;
      const up = objective();
      p.value.data[i] = saved - h;
      const down = objective();
      p.value.data[i] = saved;
      const numeric = (up - down) / (2 * h);
      worst = Math.max(worst, Math.abs(analytic[i]! - numeric) / (1e-2 + Math.abs(numeric)));
    }
  }
  return worst;
}

describe.each(['js', 'wasm'])('the model backward pass on the %s backend', (backend) => {
  beforeAll(() => {
    setBackend(backend);
  });

  const { X, y } = createData({ samples: 8, classes: 3, seed: 4 });

  it('Softmax + categorical cross-entropy (fused), BatchNormalization and L2 match finite differences', () => {
    const loss = new CategoricalCrossentropy({ l2: 0.01, l1: 0.001 });
    const model = new NeuralNetwork({ seed: 1 })
      .add(new Dense(2, 6))
      .add(new BatchNormalization())
      .add(new ReLU())
      .add(new Dense(6, 3))
      .add(new Softmax())
      .setLoss(loss);
    expect(outputGradient(model.layers, loss).through).toBe(4);
    expect(worstGradientError(model, X, y, loss)).toBeLessThan(2e-2);
  });

  it("a user's own softmax layer declaring 'softmax' gets the fused gradient, as Softmax does", () => {
    // Written as a user would: no class of @neunet/layers, only what the Layer interface asks.
    class MySoftmax implements Layer {
      readonly outputActivation = 'softmax';
      readonly activationOnly = true;
      private readonly inner = new Softmax();
      computeOutputShape(inputShape: Shape) {
        return inputShape;
      }
      build() {}
      params() {
        return [];
      }
      forward(x: Tensor) {
        return this.inner.forward(x);
      }
      backward(dy: Tensor) {
        return this.inner.backward(dy);
      }
      getConfig(): LayerConfig {
        return { type: 'MySoftmax' };
      }
    }
    const build = (last: Layer) =>
      new NeuralNetwork({ seed: 3 })
        .add(new Dense(2, 6))
        .add(new ReLU())
        .add(new Dense(6, 3))
        .add(last)
        .setLoss(new CategoricalCrossentropy({ l2: 0.01 }));
    const mine = build(new MySoftmax());
    const builtIn = build(new Softmax());
    const loss = mine.loss!;
    expect(outputGradient(mine.layers, loss).through).toBe(3);
    expect(worstGradientError(mine, X, y, loss)).toBeLessThan(2e-2);
    worstGradientError(builtIn, X, y, builtIn.loss!);
    const grads = (m: NeuralNetwork) => m.params().map((p) => Array.from(p.grad.data));
    expect(grads(mine)).toEqual(grads(builtIn));
  });

  it('Sigmoid + binary cross-entropy (fused) match finite differences', () => {
    const loss = new BinaryCrossentropy({ l2: 0.01 });
    const labels = Int32Array.from(y, (c) => (c === 0 ? 1 : 0));
    const model = new NeuralNetwork({ seed: 2 })
      .add(new Dense(2, 5))
      .add(new ReLU())
      .add(new Dense(5, 1))
      .add(new Sigmoid())
      .setLoss(loss);
    expect(outputGradient(model.layers, loss).through).toBe(3);
    expect(worstGradientError(model, X, labels, loss)).toBeLessThan(2e-2);
  });
});
