import { checkOptions, optionKeys } from '@neunet/options';
import type { Data } from 'plotly.js';
import { layerColor, WEIGHT_COLORS } from './colors.js';
import type { Figure } from './figure.js';

/** A neuron: its layer (0 = the inputs) and its index within the layer. */
export interface NeuronRef {
  layer: number;
  neuron: number;
}

export interface NetworkConnection {
  from: NeuronRef;
  to: NeuronRef;
  weight: number;
}

/** The seed's exported network: neurons per layer and every weighted connection. */
export interface NetworkData {
  version?: number;
  layers: ArrayLike<{ neurons: number }>;
  connections: ArrayLike<NetworkConnection>;
}

export interface NetworkFigureOptions {
  /** Default 'Neural Network Visualization', as the seed. */
  title?: string;
  /** Default 1200 × 800, as the seed. */
  width?: number;
  height?: number;
  /** Draw at most this many connections, the largest |weight| first. Default 20,000. */
  maxEdges?: number;
  /** Leave out connections with |weight| below this. Default 0 (draw all). */
  threshold?: number;
  /** Line widths are quantised into this many buckets per sign. Default 4. */
  widthBuckets?: number;
  /** The line width, in pixels, of the largest |weight|; the others in proportion. Default 4. */
  maxWidth?: number;
  /**
   * Draw at most this many neurons of a layer: those whose connections carry the largest
   * summed |weight|, in index order, with "+ n more" under the layer. Default 32: wider
   * layers (784 inputs, a hidden 128) would be a solid bar of nodes and a wash of edges.
   */
  maxNodes?: number;
}

const OPTIONS = optionKeys<NetworkFigureOptions>()([
  'title',
  'width',
  'height',
  'maxEdges',
  'threshold',
  'widthBuckets',
  'maxWidth',
  'maxNodes',
]);

type Sign = 'positive' | 'negative';

/**
 * The seed's network view: nodes coloured by layer depth, edges green for positive and red
 * for negative weights with width ∝ |weight|, `Weight: 0.1234` on hover. Edges go into one
 * trace per (sign, width bucket), polylines separated by nulls, so a 2-128-64-32-3 network
 * (10,592 edges) is a dozen traces rather than 10,592. Hovering the middle of an edge
 * shows its weight. A layer wider than `maxNodes` shows its strongest neurons only (and the
 * edges between shown neurons), so that the figure stays bounded for 784-256-128-10; see
 * `weightMatricesFigure` for every weight.
 */
export function networkFigure(network: NetworkData, options: NetworkFigureOptions = {}): Figure {
  checkOptions('networkFigure', options, OPTIONS);
  const {
    title = 'Neural Network Visualization',
    width = 1200,
    height = 800,
    maxEdges = 20_000,
    threshold = 0,
    widthBuckets = 4,
    maxWidth = 4,
    maxNodes = 32,
  } = options;
  checkOption('maxEdges', maxEdges, Number.isInteger(maxEdges) && maxEdges >= 0, 'an integer >= 0');
  checkOption('threshold', threshold, threshold >= 0, 'a number >= 0');
  checkOption(
    'widthBuckets',
    widthBuckets,
    Number.isInteger(widthBuckets) && widthBuckets >= 1,
    'an integer >= 1',
  );
  checkOption(
    'maxWidth',
    maxWidth,
    maxWidth > 0 && Number.isFinite(maxWidth),
    'a finite number > 0',
  );
  checkOption('maxNodes', maxNodes, Number.isInteger(maxNodes) && maxNodes >= 1, 'an integer >= 1');
  const sizes = checkLayers(network);
  const shown = selectNeurons(network, sizes, maxNodes);
  const position = (ref: NeuronRef): [number, number] => {
    const layer = shown[ref.layer]!;
    return [ref.layer, neuronY(layer.rank.get(ref.neuron)!, layer.neurons.length)];
  };

  const edges = selectEdges(network, shown, threshold, maxEdges);
  const maxAbs = edges.reduce((m, c) => Math.max(m, Math.abs(c.weight)), 0);
  const bucketOf = (w: number) =>
    maxAbs === 0
      ? 0
      : Math.min(widthBuckets - 1, Math.floor((Math.abs(w) / maxAbs) * widthBuckets));

  const lines = new Map<
    string,
    { x: (number | null)[]; y: (number | null)[]; sign: Sign; bucket: number }
  >();
  const hover: Record<Sign, { x: number[]; y: number[]; text: string[] }> = {
    positive: { x: [], y: [], text: [] },
    negative: { x: [], y: [], text: [] },
  };
  for (const c of edges) {
    const sign: Sign = c.weight > 0 ? 'positive' : 'negative';
    const bucket = bucketOf(c.weight);
    const key = `${sign}:${bucket}`;
    let line = lines.get(key);
    if (!line) {
      line = { x: [], y: [], sign, bucket };
      lines.set(key, line);
    }
    const [x0, y0] = position(c.from);
    const [x1, y1] = position(c.to);
    line.x.push(x0, x1, null);
    line.y.push(y0, y1, null);
    const h = hover[sign];
    h.x.push((x0 + x1) / 2);
    h.y.push((y0 + y1) / 2);
    h.text.push(`Weight: ${c.weight.toFixed(4)}`);
  }

  const data: Data[] = [];
  // Thin lines first, so that the strong connections of either sign are drawn on top.
  const ordered = [...lines.values()].sort(
    (a, b) => a.bucket - b.bucket || a.sign.localeCompare(b.sign),
  );
  for (const line of ordered) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: `${line.sign} weights`,
      legendgroup: line.sign,
      showlegend: false,
      x: line.x,
      y: line.y,
      line: {
        color: WEIGHT_COLORS[line.sign],
        width: (maxWidth * (line.bucket + 0.5)) / widthBuckets,
      },
      // Weak connections fade (a 128 × 64 layer has 8,192), so that the strong ones stand out.
      opacity: 0.05 + 0.8 * ((line.bucket + 0.5) / widthBuckets) ** 2,
      hoverinfo: 'skip',
    });
  }
  for (const [sign, h] of Object.entries(hover)) {
    if (h.x.length === 0) continue;
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: `${sign} weights`,
      x: h.x,
      y: h.y,
      hovertext: h.text,
      hoverinfo: 'text',
      marker: { size: 6, opacity: 0, color: WEIGHT_COLORS[sign as Sign] },
      showlegend: false,
    });
  }
  // The legend shows each sign once, opaque and thick: the edges' own lines fade with |weight|.
  for (const sign of ['positive', 'negative'] as const) {
    if (!ordered.some((line) => line.sign === sign)) continue;
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: `${sign} weights`,
      legendgroup: sign,
      x: [null],
      y: [null],
      line: { color: WEIGHT_COLORS[sign], width: 3 },
      hoverinfo: 'skip',
    });
  }
  const last = sizes.length - 1;
  shown.forEach(({ neurons }, layer) => {
    const n = sizes[layer]!;
    const k = neurons.length;
    const of = k < n ? ` (one of the ${k} of ${n} with the largest |weights|)` : '';
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: layerName(layer, last, n, k),
      x: neurons.map(() => layer),
      y: neurons.map((_, r) => neuronY(r, k)),
      hovertext: neurons.map((i) => `Layer ${layer}, neuron ${i}${of}`),
      hoverinfo: 'text',
      marker: {
        color: layerColor(layer),
        size: Math.max(4, Math.min(16, (0.6 * height) / k)),
        line: { color: 'white', width: 0.5 },
      },
    });
  });

  return {
    data,
    layout: {
      title: { text: title },
      width,
      height,
      hovermode: 'closest',
      showlegend: true,
      plot_bgcolor: 'white',
      xaxis: {
        tickvals: sizes.map((_, i) => i),
        ticktext: sizes.map((n, i) => layerTick(i, last, n, shown[i]!.neurons.length)),
        showgrid: false,
        zeroline: false,
      },
      yaxis: { showgrid: false, zeroline: false, showticklabels: false },
    },
  };
}

/** The seed's `linspace(0, 1, n)`, with a lone neuron centred. */
function neuronY(index: number, count: number): number {
  return count === 1 ? 0.5 : index / (count - 1);
}

function layerName(layer: number, last: number, neurons: number, shown: number): string {
  const role = layer === 0 ? 'Input' : layer === last ? 'Output' : `Hidden ${layer}`;
  return shown < neurons ? `${role} (${neurons}, ${shown} shown)` : `${role} (${neurons})`;
}

/** The axis label under a layer: its name, and for a sampled layer what is left out. */
function layerTick(layer: number, last: number, neurons: number, shown: number): string {
  const name = layerName(layer, last, neurons, neurons);
  return shown < neurons ? `${name}<br>${shown} shown, + ${neurons - shown} more` : name;
}

function checkOption(name: string, value: number, ok: boolean, expected: string): void {
  if (!ok) throw new Error(`networkFigure: ${name} is ${value}; expected ${expected}`);
}

function checkLayers(network: NetworkData): number[] {
  const sizes = Array.from(network.layers, (layer, i) => {
    const n = layer?.neurons;
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(`networkFigure: layers[${i}].neurons is ${n}; expected an integer >= 1`);
    }
    return n;
  });
  if (sizes.length === 0) throw new Error('networkFigure: the network has no layers');
  return sizes;
}

/** The neurons drawn of one layer, in index order, and each one's rank among them. */
interface ShownLayer {
  neurons: number[];
  rank: Map<number, number>;
}

/**
 * Checks every connection, then keeps per layer the `maxNodes` neurons whose connections
 * (in and out) have the largest summed |weight|: for MNIST's inputs, the pixels the first
 * layer reads most, not the blank border.
 */
function selectNeurons(network: NetworkData, sizes: number[], maxNodes: number): ShownLayer[] {
  const strength = sizes.map((n) => new Float64Array(n));
  for (let i = 0; i < network.connections.length; i++) {
    const c = network.connections[i]!;
    for (const end of ['from', 'to'] as const) {
      const ref = c[end];
      const n = sizes[ref?.layer];
      if (n === undefined || !Number.isInteger(ref.neuron) || ref.neuron < 0 || ref.neuron >= n) {
        throw new Error(
          `networkFigure: connections[${i}].${end} is ${JSON.stringify(ref)}; expected a neuron of one of the ${sizes.length} layers`,
        );
      }
    }
    if (!Number.isFinite(c.weight)) {
      throw new Error(
        `networkFigure: connections[${i}].weight is ${c.weight}; expected a finite number`,
      );
    }
    strength[c.from.layer]![c.from.neuron]! += Math.abs(c.weight);
    strength[c.to.layer]![c.to.neuron]! += Math.abs(c.weight);
  }
  return strength.map((s) => {
    let neurons = Array.from(s, (_, i) => i);
    if (neurons.length > maxNodes) {
      // Ties (an unconnected layer) keep the lower index, so that the choice is reproducible.
      neurons = neurons
        .sort((a, b) => s[b]! - s[a]! || a - b)
        .slice(0, maxNodes)
        .sort((a, b) => a - b);
    }
    return { neurons, rank: new Map(neurons.map((neuron, r) => [neuron, r])) };
  });
}

/** The connections to draw: between shown neurons, at least `threshold`, the `maxEdges` largest. */
function selectEdges(
  network: NetworkData,
  shown: ShownLayer[],
  threshold: number,
  maxEdges: number,
): NetworkConnection[] {
  const kept: NetworkConnection[] = [];
  for (let i = 0; i < network.connections.length; i++) {
    const c = network.connections[i]!;
    if (
      Math.abs(c.weight) >= threshold &&
      shown[c.from.layer]!.rank.has(c.from.neuron) &&
      shown[c.to.layer]!.rank.has(c.to.neuron)
    )
      kept.push(c);
  }
  if (kept.length <= maxEdges) return kept;
  return kept.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, maxEdges);
}
