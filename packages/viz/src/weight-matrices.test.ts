import { describe, expect, it } from 'vitest';
import type { NetworkData } from './network.js';
import { weightMatricesFigure } from './weight-matrices.js';

// biome-ignore lint/suspicious/noExplicitAny: assertions read trace fields of heatmaps
type Trace = Record<string, any>;

/** Dense layers as the seed exports them: W[r][c] joins neuron r to neuron c of the next layer. */
function network(
  sizes: number[],
  weight: (l: number, r: number, c: number) => number,
): NetworkData {
  return {
    layers: sizes.map((neurons) => ({ neurons })),
    connections: sizes.slice(1).flatMap((nOut, l) =>
      Array.from({ length: sizes[l]! * nOut }, (_, k) => {
        const r = Math.floor(k / nOut);
        const c = k % nOut;
        return {
          from: { layer: l, neuron: r },
          to: { layer: l + 1, neuron: c },
          weight: weight(l, r, c),
        };
      }),
    ),
  };
}

describe('weightMatricesFigure', () => {
  it('puts weight (from r, to c) at row c, column r of its layer pair’s heatmap', () => {
    const fig = weightMatricesFigure(
      network([2, 3, 1], (l, r, c) => (l + 1) * (10 * r + c + 0.123456)),
    );
    const [first, second] = fig.data as Trace[];
    expect(first!.z).toEqual([
      [0.1235, 10.12],
      [1.123, 11.12],
      [2.123, 12.12],
    ]);
    expect(second!.z).toEqual([[0.2469, 20.25, 40.25]]);
    // One colour scale for all: white at zero, ± the largest |weight|.
    expect([first!.zmin, first!.zmax, second!.zmin, second!.zmax]).toEqual([
      -40.25, 40.25, -40.25, 40.25,
    ]);
    expect([first!.showscale, second!.showscale]).toEqual([true, false]);
    expect([first!.xaxis, second!.xaxis]).toEqual(['x', 'x2']);
    expect(fig.layout.xaxis2).toMatchObject({ title: { text: 'from layer 1 (3 neurons)' } });
    expect(fig.layout.yaxis).toMatchObject({
      title: { text: 'to layer 1 (3)' },
      autorange: 'reversed',
    });
  });

  it('holds every weight of 784-256-128-10 in three panels, a fourth row-wrapped by columns', () => {
    const sizes = [784, 256, 128, 10];
    const fig = weightMatricesFigure(network(sizes, (l, r, c) => Math.sin(l + r * 7 + c)));
    const shapes = (fig.data as Trace[]).map((t) => [t.z.length, t.z[0].length]);
    expect(shapes).toEqual([
      [256, 784],
      [128, 256],
      [10, 128],
    ]);
    expect(fig.layout.grid).toMatchObject({ rows: 1, columns: 3 });
    // Ticks at whole neurons, at most ten an axis.
    expect([fig.layout.xaxis?.dtick, fig.layout.yaxis?.dtick, fig.layout.yaxis3?.dtick]).toEqual([
      100, 50, 1,
    ]);
    const four = weightMatricesFigure(network([2, 8, 8, 8, 3], () => 1));
    expect(four.layout.grid).toMatchObject({ rows: 2, columns: 3 });
    expect(four.layout.height).toBe(2 * 420 + 80);
  });

  it('names a connection that skips a layer, a bad weight and a network without weights', () => {
    const bad = network([2, 2, 1], () => 1);
    bad.connections = [{ from: { layer: 0, neuron: 0 }, to: { layer: 2, neuron: 0 }, weight: 1 }];
    expect(() => weightMatricesFigure(bad)).toThrow(
      /connections\[0\] joins .* expected neurons of consecutive layers/,
    );
    bad.connections = [
      { from: { layer: 0, neuron: 0 }, to: { layer: 1, neuron: 0 }, weight: Number.NaN },
    ];
    expect(() => weightMatricesFigure(bad)).toThrow(/connections\[0\]\.weight is NaN/);
    expect(() => weightMatricesFigure({ layers: [{ neurons: 3 }], connections: [] })).toThrow(
      /has 1 layer\(s\); expected at least two/,
    );
  });
});
