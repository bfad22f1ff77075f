import { checkOptions, optionKeys } from '@neunet/options';
import type { Data, Layout } from 'plotly.js';
import { SIGNED_COLORSCALE } from './colors.js';
import type { Figure } from './figure.js';
import type { NetworkData } from './network.js';

export interface WeightMatricesOptions {
  title?: string;
  /** Panels per row. Default: all in one row, up to 3. */
  columns?: number;
  width?: number;
  /** Height of one row of panels. Default 420. */
  rowHeight?: number;
}

const OPTIONS = optionKeys<WeightMatricesOptions>()(['title', 'columns', 'width', 'rowHeight']);

/**
 * Every weight of the network as one heatmap per pair of consecutive layers (a row per
 * neuron of the later layer, a column per neuron of the earlier one), red negative, white
 * zero, green positive on one scale shared by all, the weight on hover: what
 * `networkFigure` leaves out of wide layers. Values are rounded to 4 significant digits,
 * which keeps a 784-256-128-10 network's 235,000 weights to about 1.6 MB of JSON.
 */
export function weightMatricesFigure(
  network: NetworkData,
  options: WeightMatricesOptions = {},
): Figure {
  checkOptions('weightMatricesFigure', options, OPTIONS);
  const { title = 'Weight matrices', rowHeight = 420 } = options;
  const sizes = Array.from(network.layers, (layer, i) => {
    const n = layer?.neurons;
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(
        `weightMatricesFigure: layers[${i}].neurons is ${n}; expected an integer >= 1`,
      );
    }
    return n;
  });
  if (sizes.length < 2) {
    throw new Error(
      `weightMatricesFigure: the network has ${sizes.length} layer(s); expected at least two, joined by weights`,
    );
  }
  // z[l][to][from]; null where the network has no such connection.
  const z = sizes
    .slice(1)
    .map((to, l) =>
      Array.from({ length: to }, () => new Array<number | null>(sizes[l]!).fill(null)),
    );
  let maxAbs = 0;
  for (let i = 0; i < network.connections.length; i++) {
    const { from, to, weight } = network.connections[i]!;
    if (
      to?.layer !== from?.layer + 1 ||
      !(from.neuron >= 0 && from.neuron < sizes[from.layer]!) ||
      !(to.neuron >= 0 && to.neuron < sizes[to.layer]!) ||
      !Number.isInteger(from.neuron) ||
      !Number.isInteger(to.neuron)
    ) {
      throw new Error(
        `weightMatricesFigure: connections[${i}] joins ${JSON.stringify(from)} to ${JSON.stringify(to)}; expected neurons of consecutive layers`,
      );
    }
    if (!Number.isFinite(weight)) {
      throw new Error(
        `weightMatricesFigure: connections[${i}].weight is ${weight}; expected a finite number`,
      );
    }
    z[from.layer]![to.neuron]![from.neuron] = Number(weight.toPrecision(4));
    maxAbs = Math.max(maxAbs, Math.abs(weight));
  }
  const panels = z.length;
  const columns = options.columns ?? Math.min(panels, 3);
  if (!Number.isInteger(columns) || columns < 1) {
    throw new Error(`weightMatricesFigure: columns is ${columns}; expected an integer >= 1`);
  }
  const rows = Math.ceil(panels / columns);
  const bound = maxAbs === 0 ? 1 : Number(maxAbs.toPrecision(4));
  const layout: Partial<Layout> = {
    title: { text: title },
    height: rows * rowHeight + 80,
    grid: { rows, columns, pattern: 'independent', xgap: 0.12, ygap: 0.3 },
  };
  if (options.width !== undefined) layout.width = options.width;
  const data: Data[] = z.map((matrix, l) => {
    const suffix = l === 0 ? '' : String(l + 1);
    (layout as Record<string, unknown>)[`xaxis${suffix}`] = {
      title: { text: `from layer ${l} (${sizes[l]} neurons)` },
      ...neuronTicks(sizes[l]!),
      showgrid: false,
      zeroline: false,
    };
    (layout as Record<string, unknown>)[`yaxis${suffix}`] = {
      title: { text: `to layer ${l + 1} (${sizes[l + 1]})` },
      ...neuronTicks(sizes[l + 1]!),
      autorange: 'reversed',
      showgrid: false,
      zeroline: false,
    };
    return {
      type: 'heatmap',
      name: `layer ${l} → ${l + 1}`,
      z: matrix,
      zmin: -bound,
      zmax: bound,
      colorscale: SIGNED_COLORSCALE,
      showscale: l === 0,
      colorbar: { title: { text: 'weight' }, thickness: 14 },
      xaxis: `x${suffix}`,
      yaxis: `y${suffix}`,
      hovertemplate: `from %{x} to %{y}: %{z:.4f}<extra>layer ${l} → ${l + 1}</extra>`,
    } as Data;
  });
  return { data, layout };
}

/** Ticks at whole neuron indices, 1, 2 or 5 × 10^k apart, at most ten of them. */
function neuronTicks(count: number): { tick0: number; dtick: number } {
  for (let k = 0; ; k++) {
    const step = [1, 2, 5][k % 3]! * 10 ** Math.floor(k / 3);
    if (count / step <= 10) return { tick0: 0, dtick: step };
  }
}
