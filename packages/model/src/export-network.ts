import type { Layer } from '@neunet/layers';
import type { Tensor } from '@neunet/tensor';

/** A neuron: its layer (0 = the inputs) and its index within the layer. */
export interface ExportedNeuron {
  layer: number;
  neuron: number;
}

/**
 * The seed's network JSON: the neurons of each layer (the inputs first, then each Dense
 * layer's outputs) and every weighted connection between consecutive layers.
 */
export interface ExportedNetwork {
  /** The format's version; 1. */
  version: 1;
  layers: { neurons: number }[];
  connections: { from: ExportedNeuron; to: ExportedNeuron; weight: number }[];
}

/**
 * The Dense layers of a model (or a list of layers) as the seed's network JSON, ready for
 * `networkFigure` in @neunet/viz or `JSON.stringify`. Other layers (activations,
 * BatchNormalization, Dropout) carry no connections and are skipped, as the seed keeps
 * only the layers with weights. Dense layer i's weight W[r][c] becomes the connection
 * from neuron r of layer i to neuron c of layer i + 1.
 */
export function exportNetwork(
  source: { readonly layers: readonly Layer[] } | readonly Layer[],
): ExportedNetwork {
  const layers = Array.isArray(source) ? source : (source as { layers: readonly Layer[] }).layers;
  // Read as data (the config's type, the weight matrix's shape), not by class, so that a
  // second copy of @neunet/layers (ESM beside CJS) exports alike.
  const dense = layers
    .filter((layer) => layer.getConfig().type === 'Dense')
    .map((layer) => denseWeights(layer));
  if (dense.length === 0) throw new Error('exportNetwork: no Dense layers to export');
  dense.forEach((layer, i) => {
    const previous = dense[i - 1];
    if (previous && previous.cols !== layer.rows) {
      throw new Error(
        `exportNetwork: Dense layer ${i + 1} takes ${layer.rows} inputs but Dense layer ${i} gives ${previous.cols}; expected consecutive Dense layers to chain`,
      );
    }
  });
  const connections: ExportedNetwork['connections'] = [];
  dense.forEach((w, i) => {
    for (let r = 0; r < w.rows; r++) {
      for (let c = 0; c < w.cols; c++) {
        connections.push({
          from: { layer: i, neuron: r },
          to: { layer: i + 1, neuron: c },
          weight: w.data[r * w.cols + c]!,
        });
      }
    }
  });
  return {
    version: 1,
    layers: [{ neurons: dense[0]!.rows }, ...dense.map((w) => ({ neurons: w.cols }))],
    connections,
  };
}

/** A Dense layer's weight matrix [nIn, nOut]: its first param. */
function denseWeights(layer: Layer): Tensor {
  const weights = layer.params()[0]?.value;
  if (weights?.shape.length !== 2) {
    throw new Error(
      'exportNetwork: a Dense layer has no [nIn, nOut] weight matrix as its first param',
    );
  }
  return weights;
}
