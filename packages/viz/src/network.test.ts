import { describe, expect, it } from 'vitest';
import { layerColor } from './colors.js';
import { type NetworkData, networkFigure } from './network.js';

/** 2-3-1: six weights into the hidden layer, three into the output. */
const tiny: NetworkData = {
  version: 1,
  layers: [{ neurons: 2 }, { neurons: 3 }, { neurons: 1 }],
  connections: [
    { from: { layer: 0, neuron: 0 }, to: { layer: 1, neuron: 0 }, weight: 0.8 },
    { from: { layer: 0, neuron: 0 }, to: { layer: 1, neuron: 1 }, weight: -0.2 },
    { from: { layer: 0, neuron: 0 }, to: { layer: 1, neuron: 2 }, weight: 0.1 },
    { from: { layer: 0, neuron: 1 }, to: { layer: 1, neuron: 0 }, weight: -0.75 },
    { from: { layer: 0, neuron: 1 }, to: { layer: 1, neuron: 1 }, weight: 0.05 },
    { from: { layer: 0, neuron: 1 }, to: { layer: 1, neuron: 2 }, weight: 0.3 },
    { from: { layer: 1, neuron: 0 }, to: { layer: 2, neuron: 0 }, weight: 0.12345 },
    { from: { layer: 1, neuron: 1 }, to: { layer: 2, neuron: 0 }, weight: -0.5 },
    { from: { layer: 1, neuron: 2 }, to: { layer: 2, neuron: 0 }, weight: 0 },
  ],
};

// biome-ignore lint/suspicious/noExplicitAny: assertions read trace fields of every trace type
type Trace = Record<string, any>;
const traces = (fig: ReturnType<typeof networkFigure>) => fig.data as Trace[];
/** The edges' traces, without the legend's (which draw nothing: x is [null]). */
const lineTraces = (fig: ReturnType<typeof networkFigure>) =>
  traces(fig).filter((t) => t.mode === 'lines' && t.x[0] !== null);
const legendTraces = (fig: ReturnType<typeof networkFigure>) =>
  traces(fig).filter((t) => t.mode === 'lines' && t.x[0] === null);
const hoverTraces = (fig: ReturnType<typeof networkFigure>) =>
  traces(fig).filter((t) => t.mode === 'markers' && t.hovertext[0]?.startsWith('Weight'));

describe('networkFigure', () => {
  it("keeps the seed's layout: title, 1200 × 800, closest hover", () => {
    const { layout } = networkFigure(tiny);
    expect(layout.title).toEqual({ text: 'Neural Network Visualization' });
    expect([layout.width, layout.height, layout.hovermode]).toEqual([1200, 800, 'closest']);
  });

  it('groups edges by sign and width bucket, widths proportional to the bucket', () => {
    const fig = networkFigure(tiny, { widthBuckets: 2, maxWidth: 4 });
    // |w| max 0.8: bucket 0 is [0, 0.4), drawn 1 px wide; bucket 1 is [0.4, 0.8], 3 px.
    const lines = lineTraces(fig).map((t) => ({
      color: t.line.color,
      width: Number(t.line.width.toFixed(12)),
      edges: t.x.filter((v: number | null) => v === null).length,
    }));
    expect(lines).toEqual([
      { color: 'red', width: 1, edges: 2 }, // -0.2, 0 (zero counts as not positive, as the seed)
      { color: 'green', width: 1, edges: 4 }, // 0.1, 0.05, 0.3, 0.12345
      { color: 'red', width: 3, edges: 2 }, // -0.75, -0.5
      { color: 'green', width: 3, edges: 1 }, // 0.8
    ]);
    expect(lineTraces(fig).map((t) => t.showlegend)).toEqual([false, false, false, false]);
  });

  it('shows each sign once in the legend, opaque, however weak its weights', () => {
    // Every positive weight is in the faintest bucket of 4 (|w| < 0.25 of the largest).
    const weak: NetworkData = {
      ...tiny,
      connections: Array.from(tiny.connections, (c) => ({
        ...c,
        weight: c.weight > 0 ? 0.01 : c.weight,
      })),
    };
    const fig = networkFigure(weak, { maxWidth: 4 });
    expect(
      Math.max(
        ...lineTraces(fig)
          .filter((t) => t.line.color === 'green')
          .map((t) => t.opacity),
      ),
    ).toBeLessThan(0.1);
    const legend = legendTraces(fig).map((t) => ({
      name: t.name,
      group: t.legendgroup,
      color: t.line.color,
      width: t.line.width,
      opacity: t.opacity,
      shown: t.showlegend,
    }));
    expect(legend).toEqual([
      {
        name: 'negative weights',
        group: 'negative',
        color: 'red',
        width: 2,
        opacity: undefined,
        shown: undefined,
      },
      {
        name: 'positive weights',
        group: 'positive',
        color: 'green',
        width: 2,
        opacity: undefined,
        shown: undefined,
      },
    ]);
  });

  it('draws each edge as a null-separated segment between the neurons it joins', () => {
    const fig = networkFigure(tiny, { widthBuckets: 2 });
    const strongPositive = lineTraces(fig)[3]!;
    expect(strongPositive.x).toEqual([0, 1, null]);
    expect(strongPositive.y).toEqual([0, 0, null]);
    expect(strongPositive.hoverinfo).toBe('skip');
  });

  it('shows every weight as `Weight: 0.1234` at the middle of its edge', () => {
    const hover = hoverTraces(networkFigure(tiny));
    const texts = hover.flatMap((t) => t.hovertext);
    expect(texts).toHaveLength(9);
    expect(texts).toContain('Weight: 0.1235');
    expect(texts).toContain('Weight: -0.7500');
    const positive = hover.find((t) => t.marker.color === 'green')!;
    const i = positive.hovertext.indexOf('Weight: 0.1235');
    // Hidden neuron 0 sits at y = 0, the lone output neuron is centred at 0.5.
    expect([positive.x[i], positive.y[i]]).toEqual([1.5, 0.25]);
  });

  it('colours the nodes by layer depth with the seed formula', () => {
    const nodes = traces(networkFigure(tiny)).filter(
      (t) => t.mode === 'markers' && t.hovertext[0]?.startsWith('Layer'),
    );
    expect(nodes.map((t) => t.marker.color)).toEqual([
      'rgb(50, 100, 150)',
      'rgb(100, 200, 100)',
      'rgb(150, 45, 50)',
    ]);
    expect(nodes.map((t) => t.y)).toEqual([[0, 1], [0, 0.5, 1], [0.5]]);
    expect(layerColor(4)).toBe('rgb(250, 245, 0)');
  });

  it('draws only the maxEdges largest and those above the threshold', () => {
    const count = (fig: ReturnType<typeof networkFigure>) =>
      lineTraces(fig).reduce((n, t) => n + t.x.length / 3, 0);
    expect(count(networkFigure(tiny, { maxEdges: 3 }))).toBe(3);
    const top = hoverTraces(networkFigure(tiny, { maxEdges: 3 })).flatMap((t) => t.hovertext);
    expect(top.sort()).toEqual(['Weight: -0.5000', 'Weight: -0.7500', 'Weight: 0.8000']);
    expect(count(networkFigure(tiny, { threshold: 0.3 }))).toBe(4);
  });

  it('stays a handful of traces for the seed network (10,592 edges)', () => {
    const sizes = [2, 128, 64, 32, 3];
    const connections = sizes.slice(1).flatMap((nOut, l) =>
      Array.from({ length: sizes[l]! * nOut }, (_, k) => ({
        from: { layer: l, neuron: Math.floor(k / nOut) },
        to: { layer: l + 1, neuron: k % nOut },
        weight: Math.sin(k + l),
      })),
    );
    expect(connections).toHaveLength(10_592);
    const fig = networkFigure({ layers: sizes.map((neurons) => ({ neurons })), connections });
    // 2 signs × 4 buckets of lines, 2 legend entries, 2 hover traces, 5 layers of nodes.
    expect(fig.data).toHaveLength(8 + 2 + 2 + 5);
  });

  it('names the bad connection and the bad option', () => {
    const bad = {
      ...tiny,
      connections: [{ ...tiny.connections[0]!, to: { layer: 1, neuron: 3 } }],
    };
    expect(() => networkFigure(bad)).toThrow(/connections\[0\]\.to .*"neuron":3/);
    expect(() => networkFigure(tiny, { maxEdges: -1 })).toThrow(/maxEdges is -1/);
    expect(() => networkFigure({ layers: [{ neurons: 0 }], connections: [] })).toThrow(
      /layers\[0\]\.neurons is 0/,
    );
  });
});
