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
/** The edges' line traces; the legend's two entries are lines without points. */
const lineTraces = (fig: ReturnType<typeof networkFigure>) =>
  traces(fig).filter((t) => t.mode === 'lines' && t.x[0] !== null);
const nodeTraces = (fig: ReturnType<typeof networkFigure>) =>
  traces(fig).filter((t) => t.mode === 'markers' && t.hovertext[0]?.startsWith('Layer'));
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
  });

  it('shows each sign once in the legend, opaque and thick, whatever the edges look like', () => {
    const legend = traces(networkFigure(tiny)).filter(
      (t) => t.showlegend !== false && t.mode === 'lines',
    );
    expect(legend.map((t) => [t.name, t.line.color, t.line.width, t.opacity, t.x])).toEqual([
      ['positive weights', 'green', 3, undefined, [null]],
      ['negative weights', 'red', 3, undefined, [null]],
    ]);
    expect(lineTraces(networkFigure(tiny)).every((t) => t.showlegend === false)).toBe(true);
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
    const nodes = nodeTraces(networkFigure(tiny));
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
    // 2 signs × 4 buckets of lines, 2 hover traces, 2 legend entries, 5 layers of nodes.
    expect(fig.data).toHaveLength(8 + 2 + 2 + 5);
    // The 128 and 64 wide layers show 32 neurons each: 2·32 + 32·32 + 32·32 + 32·3 edges.
    expect(lineTraces(fig).reduce((n, t) => n + t.x.length / 3, 0)).toBe(64 + 1024 + 1024 + 96);
    expect(nodeTraces(fig).map((t) => t.x.length)).toEqual([2, 32, 32, 32, 3]);
    expect(fig.layout.xaxis?.ticktext).toEqual([
      'Input (2)',
      'Hidden 1 (128)<br>32 shown, + 96 more',
      'Hidden 2 (64)<br>32 shown, + 32 more',
      'Hidden 3 (32)',
      'Output (3)',
    ]);
  });

  it('stays bounded for 784-256-128-10, showing the neurons with the strongest weights', () => {
    const sizes = [784, 256, 128, 10];
    // Input pixel p's weights grow with p mod 100 (0 to 783: seven full hundreds and 84
    // more); the hidden neurons' by index mod 50.
    const connections = sizes.slice(1).flatMap((nOut, l) =>
      Array.from({ length: sizes[l]! * nOut }, (_, k) => {
        const from = Math.floor(k / nOut);
        const to = k % nOut;
        const strength = l === 0 ? from % 100 : (from % 50) + (to % 50);
        return {
          from: { layer: l, neuron: from },
          to: { layer: l + 1, neuron: to },
          weight: (k % 2 ? 1 : -1) * (0.01 + strength / 100),
        };
      }),
    );
    expect(connections).toHaveLength(784 * 256 + 256 * 128 + 128 * 10);
    const fig = networkFigure({ layers: sizes.map((neurons) => ({ neurons })), connections });
    expect(fig.data.length).toBeLessThanOrEqual(8 + 2 + 2 + 4);
    const nodes = nodeTraces(fig);
    expect(nodes.map((t) => t.x.length)).toEqual([32, 32, 32, 10]);
    const points = traces(fig).reduce((n, t) => n + t.x.length, 0);
    // At most 32·32 + 32·32 + 32·10 edges, three line points and one hover point each.
    expect(points).toBeLessThanOrEqual(4 * (1024 + 1024 + 320) + 106 + 2);
    const inputs = nodes[0]!.hovertext.map((text: string) => Number(/neuron (\d+)/.exec(text)![1]));
    // The top 32 of 784: x96 to x99 in all seven full hundreds, and x95 ties broken by index.
    expect(inputs).toEqual([
      ...[95, 96, 97, 98, 99, 195, 196, 197, 198, 199, 295, 296, 297, 298, 299],
      ...[395, 396, 397, 398, 399, 496, 497, 498, 499, 596, 597, 598, 599, 696, 697, 698, 699],
    ]);
    expect(nodes[0]!.hovertext[0]).toBe(
      'Layer 0, neuron 95 (one of the 32 of 784 with the largest |weights|)',
    );
    expect(fig.layout.xaxis?.ticktext).toEqual([
      'Input (784)<br>32 shown, + 752 more',
      'Hidden 1 (256)<br>32 shown, + 224 more',
      'Hidden 2 (128)<br>32 shown, + 96 more',
      'Output (10)',
    ]);
    // Every edge drawn joins two drawn neurons.
    const shownY = new Set(
      nodes.flatMap((t) => t.x.map((x: number, i: number) => `${x},${t.y[i]}`)),
    );
    for (const line of lineTraces(fig)) {
      for (let i = 0; i < line.x.length; i += 3) {
        expect(shownY.has(`${line.x[i]},${line.y[i]}`)).toBe(true);
        expect(shownY.has(`${line.x[i + 1]},${line.y[i + 1]}`)).toBe(true);
      }
    }
  });

  it('draws every neuron with maxNodes at least the widest layer, as the seed did', () => {
    const sizes = [2, 40, 3];
    const connections = sizes.slice(1).flatMap((nOut, l) =>
      Array.from({ length: sizes[l]! * nOut }, (_, k) => ({
        from: { layer: l, neuron: Math.floor(k / nOut) },
        to: { layer: l + 1, neuron: k % nOut },
        weight: 0.1,
      })),
    );
    const fig = networkFigure(
      { layers: sizes.map((neurons) => ({ neurons })), connections },
      { maxNodes: 40 },
    );
    expect(nodeTraces(fig).map((t) => t.x.length)).toEqual([2, 40, 3]);
    expect(nodeTraces(fig)[1]!.y[39]).toBe(1);
  });

  it('names the bad connection and the bad option', () => {
    const bad = {
      ...tiny,
      connections: [{ ...tiny.connections[0]!, to: { layer: 1, neuron: 3 } }],
    };
    expect(() => networkFigure(bad)).toThrow(/connections\[0\]\.to .*"neuron":3/);
    expect(() => networkFigure(tiny, { maxEdges: -1 })).toThrow(/maxEdges is -1/);
    expect(() => networkFigure(tiny, { maxNodes: 0 })).toThrow(
      /maxNodes is 0; expected an integer >= 1/,
    );
    expect(() => networkFigure({ layers: [{ neurons: 0 }], connections: [] })).toThrow(
      /layers\[0\]\.neurons is 0/,
    );
  });
});
