import { describe, expect, it } from 'vitest';
import { INK_COLORSCALE, SIGNED_COLORSCALE } from './colors.js';
import { imageGridFigure } from './image-grid.js';
import { sampleImages } from './image-slices.js';
import { reportHtml } from './report-html.js';

// biome-ignore lint/suspicious/noExplicitAny: assertions read heatmap and axis fields
type Loose = Record<string, any>;

// Three 2 × 3 images: a gradient, its negative and a single bright pixel at the top left.
const gradient = [
  [0, 1, 2],
  [3, 4, 5],
];
const negative = gradient.map((row) => row.map((v) => -v));
const dot = [
  [9, 0, 0],
  [0, 0, 0],
];

describe('imageGridFigure', () => {
  it('draws one heatmap per image on its own axes, row 0 at the top', () => {
    const { data, layout } = imageGridFigure([gradient, negative, dot], {
      titles: ['a', 'b', 'c'],
      columns: 2,
    });
    const traces = data as Loose[];
    expect(traces.map((t) => [t.type, t.xaxis, t.yaxis, t.name])).toEqual([
      ['heatmap', 'x', 'y', 'a'],
      ['heatmap', 'x2', 'y2', 'b'],
      ['heatmap', 'x3', 'y3', 'c'],
    ]);
    expect(traces[2]!.z).toEqual(dot);
    const axes = layout as Loose;
    // The y axis runs from the last row down to row 0, so that z[0] is the top row.
    expect(axes.yaxis3.range).toEqual([1.5, -0.5]);
    expect(axes.xaxis3.range).toEqual([-0.5, 2.5]);
    expect(axes.yaxis2).toMatchObject({ scaleanchor: 'x2', scaleratio: 1, showticklabels: false });
  });

  it('lays the images out in rows of `columns`, with square pixels and titles above', () => {
    const { layout } = imageGridFigure([gradient, negative, dot], {
      titles: ['a', 'b', 'c'],
      columns: 2,
      cellSize: 96,
    });
    const axes = layout as Loose;
    // 96 px across 3 columns: 32 px a pixel, so each image is 96 × 64 under a 20 px title
    // band, with 8 px between: the plot is 2 × 96 + 8 = 200 wide, 2 × (20 + 64) + 8 = 176 high.
    const plotW = 200;
    const plotH = 176;
    expect(axes.margin).toEqual({ l: 10, r: 80, t: 60, b: 10 });
    expect([layout.width, layout.height]).toEqual([plotW + 90, plotH + 70]);
    expect(axes.xaxis.domain).toEqual([0, 96 / plotW]);
    expect(axes.xaxis2.domain).toEqual([104 / plotW, 1]);
    expect(axes.xaxis3.domain).toEqual([0, 96 / plotW]);
    expect(axes.yaxis.domain).toEqual([1 - 84 / plotH, 1 - 20 / plotH]);
    expect(axes.yaxis3.domain).toEqual([0, 1 - 112 / plotH]);
    for (const k of ['', '2', '3']) {
      const [x0, x1] = axes[`xaxis${k}`].domain;
      const [y0, y1] = axes[`yaxis${k}`].domain;
      expect(((x1 - x0) * plotW) / 3).toBeCloseTo(32, 9);
      expect(((y1 - y0) * plotH) / 2).toBeCloseTo(32, 9);
    }
    expect(layout.annotations?.map((a) => [a.text, a.x, a.y, a.yanchor])).toEqual([
      ['a', 48 / plotW, 1 - 20 / plotH, 'bottom'],
      ['b', 152 / plotW, 1 - 20 / plotH, 'bottom'],
      ['c', 48 / plotW, 1 - 112 / plotH, 'bottom'],
    ]);
  });

  it('shares one colour range and colour bar across images by default', () => {
    const traces = imageGridFigure([gradient, dot]).data as Loose[];
    expect(traces.map((t) => [t.zmin, t.zmax, t.showscale])).toEqual([
      [0, 9, true],
      [0, 9, false],
    ]);
    expect(traces[0]!.colorscale).toEqual(INK_COLORSCALE);
  });

  it('centres signed values on 0 in red, white and green, each image alone on request', () => {
    const shared = imageGridFigure([gradient, negative], { symmetric: true }).data as Loose[];
    expect(shared.map((t) => [t.zmin, t.zmax])).toEqual([
      [-5, 5],
      [-5, 5],
    ]);
    expect(shared[0]!.colorscale).toEqual(SIGNED_COLORSCALE);
    const each = imageGridFigure([gradient, dot], {
      range: 'each',
      symmetric: true,
    }).data as Loose[];
    expect(each.map((t) => [t.zmin, t.zmax, t.showscale])).toEqual([
      [-5, 5, false],
      [-9, 9, false],
    ]);
    const fixed = imageGridFigure([gradient], { range: [0, 1], colorscale: 'Viridis' });
    expect((fixed.data[0] as Loose).zmin).toBe(0);
    expect((fixed.data[0] as Loose).zmax).toBe(1);
    expect((fixed.data[0] as Loose).colorscale).toBe('Viridis');
  });

  it('gives a constant image (a dead filter) a colour range all the same', () => {
    const zeros = [
      [0, 0],
      [0, 0],
    ];
    expect((imageGridFigure([zeros], { symmetric: true }).data[0] as Loose).zmax).toBe(1);
    expect((imageGridFigure([zeros]).data[0] as Loose).zmin).toBe(-0.5);
  });

  it('takes flat images with imageShape, as rows', () => {
    const flat = Float32Array.from(gradient.flat());
    const figure = imageGridFigure([flat], { imageShape: [2, 3] });
    expect((figure.data[0] as Loose).z).toEqual(gradient);
  });

  it('draws digits picked from an NHWC batch, wrapping titles wider than a digit', () => {
    // Two 2 × 2 one-channel "digits".
    const batch = { data: Float32Array.from([0, 1, 0, 1, 1, 1, 0, 0]), shape: [2, 2, 2, 1] };
    const figure = imageGridFigure(sampleImages(batch, [1]), {
      titles: ['true 7 / predicted 1'],
      cellSize: 96,
    });
    expect((figure.data[0] as Loose).z).toEqual([
      [1, 1],
      [0, 0],
    ]);
    // 20 characters of 12-pixel text take about 144 pixels: two lines over the 96-pixel image,
    // in a band of 2 × 15 + 5 = 35 pixels.
    expect(figure.layout.annotations?.[0]?.text).toBe('true 7 /<br>predicted 1');
    expect((figure.layout as Loose).yaxis.domain).toEqual([0, 1 - 35 / (35 + 96)]);
  });

  it('names ragged, mis-sized and non-finite images and bad options', () => {
    expect(() => imageGridFigure([])).toThrow('imageGridFigure: no images to draw');
    expect(() => imageGridFigure([[[1, 2], [3]]])).toThrow(
      'imageGridFigure: image 0 row 1 has 1 values; expected 2 like row 0',
    );
    expect(() => imageGridFigure([gradient, dot.slice(0, 1)])).toThrow(
      'imageGridFigure: image 1 is 1 × 3; expected 2 × 3 like image 0',
    );
    expect(() => imageGridFigure([[[1, Number.NaN]]])).toThrow(
      'imageGridFigure: image 0 [0][1] is NaN; expected a finite number',
    );
    expect(() => imageGridFigure([[]])).toThrow('imageGridFigure: image 0 is empty');
    expect(() => imageGridFigure([[[]]])).toThrow('imageGridFigure: image 0 row 0 is empty');
    expect(() => imageGridFigure([new Float32Array(784)])).toThrow(
      'imageGridFigure: image 0 is flat (784 values); pass imageShape: [height, width], or give its rows',
    );
    expect(() => imageGridFigure([new Float32Array(780)], { imageShape: [28, 28] })).toThrow(
      'imageGridFigure: image 0 has 780 values; imageShape [28, 28] needs 784',
    );
    expect(() => imageGridFigure([gradient], { titles: ['a', 'b'] })).toThrow(
      'imageGridFigure: titles has 2 entries; expected 1, one per image',
    );
    expect(() => imageGridFigure([gradient], { columns: 0 })).toThrow(
      'imageGridFigure: columns is 0; expected an integer >= 1',
    );
    expect(() => imageGridFigure([gradient], { range: [1, 0] })).toThrow(
      'imageGridFigure: range is [1, 0]; expected [min, max], min < max',
    );
    expect(() => imageGridFigure([gradient], { range: [0, 1], symmetric: true })).toThrow(
      'imageGridFigure: range is fixed and symmetric is set; pass one of them',
    );
  });

  it('goes into a report as a fixed-width panel', () => {
    const figure = imageGridFigure([gradient, dot], { title: 'Filters' });
    const html = reportHtml({ title: 'Run', figures: [figure] }, '');
    expect(html).toContain(JSON.stringify(figure.data));
    expect(html).toContain('<section class="panel"><div id="figure-0"></div></section>');
  });
});
