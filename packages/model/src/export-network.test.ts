import { Dense, ReLU, Sigmoid } from '@neunet/layers';
import { Dropout } from '@neunet/regularization';
import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { exportNetwork } from './export-network.js';
import { NeuralNetwork } from './neural-network.js';

/** Dense(2, 3) → ReLU → Dropout → Dense(3, 1) → Sigmoid with weights set by hand. */
function tinyModel() {
  const model = new NeuralNetwork({ seed: 1 })
    .add(new Dense(2, 3))
    .add(new ReLU())
    .add(new Dropout(0.5))
    .add(new Dense(3, 1))
    .add(new Sigmoid());
  model.setWeights([
    new Tensor([
      [0.5, -1, 0.25],
      [2, 0, -0.125],
    ]),
    new Tensor([0, 0, 0]),
    new Tensor([[1.5], [-2.5], [0.75]]),
    new Tensor([0]),
  ]);
  return model;
}

describe('exportNetwork', () => {
  it("writes the seed's JSON: neurons per layer, then W[r][c] as connection r → c", () => {
    expect(exportNetwork(tinyModel())).toEqual({
      version: 1,
      layers: [{ neurons: 2 }, { neurons: 3 }, { neurons: 1 }],
      connections: [
        { from: { layer: 0, neuron: 0 }, to: { layer: 1, neuron: 0 }, weight: 0.5 },
        { from: { layer: 0, neuron: 0 }, to: { layer: 1, neuron: 1 }, weight: -1 },
        { from: { layer: 0, neuron: 0 }, to: { layer: 1, neuron: 2 }, weight: 0.25 },
        { from: { layer: 0, neuron: 1 }, to: { layer: 1, neuron: 0 }, weight: 2 },
        { from: { layer: 0, neuron: 1 }, to: { layer: 1, neuron: 1 }, weight: 0 },
        { from: { layer: 0, neuron: 1 }, to: { layer: 1, neuron: 2 }, weight: -0.125 },
        { from: { layer: 1, neuron: 0 }, to: { layer: 2, neuron: 0 }, weight: 1.5 },
        { from: { layer: 1, neuron: 1 }, to: { layer: 2, neuron: 0 }, weight: -2.5 },
        { from: { layer: 1, neuron: 2 }, to: { layer: 2, neuron: 0 }, weight: 0.75 },
      ],
    });
  });

  it('takes the layers themselves and survives a JSON round trip exactly', () => {
    const model = new NeuralNetwork({ seed: 3 }).add(new Dense(4, 5)).add(new Dense(5, 2));
    const exported = exportNetwork(model.layers);
    expect(exported.connections).toHaveLength(4 * 5 + 5 * 2);
    const weights = (model.layers[1] as Dense).weights.value.data;
    expect(exported.connections.slice(20).map((c) => c.weight)).toEqual(Array.from(weights));
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });

  it('names layers that do not chain, and a model without Dense layers', () => {
    expect(() => exportNetwork([new Dense(2, 3), new Dense(4, 1)])).toThrow(
      /Dense layer 2 takes 4 inputs but Dense layer 1 gives 3/,
    );
    expect(() => exportNetwork([new ReLU()])).toThrow(/no Dense layers/);
  });
});
