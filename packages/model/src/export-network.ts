import { Dense, type Layer } from '@neunet/layers';

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
  const dense = layers.filter((layer): layer is Dense => layer instanceof Dense);
  if (dense.length === 0) throw new Error('exportNetwork: no Dense layers to export');
  dense.forEach((layer, i) => {
    const previous = dense[i - 1];
    if (previous && previous.nOut !== layer.nIn) {
      throw new Error(
        `exportNetwork: Dense layer ${i + 1} takes ${layer.nIn} inputs but Dense layer ${i} gives ${previous.nOut}; expected consecutive Dense layers to chain`,
      );
    }
  });
  const connections: ExportedNetwork['connections'] = [];
  dense.forEach((layer, i) => {
    const w = layer.weights.value.data;
    for (let r = 0; r < layer.nIn; r++) {
      for (let c = 0; c < layer.nOut; c++) {
        connections.push({
          from: { layer: i, neuron: r },
          to: { layer: i + 1, neuron: c },
          weight: w[r * layer.nOut + c]!,
        });
      }
    }
  });
  return {
    version: 1,
    layers: [{ neurons: dense[0]!.nIn }, ...dense.map((layer) => ({ neurons: layer.nOut }))],
    connections,
  };
}
