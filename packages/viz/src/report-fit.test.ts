import type { Layout } from 'plotly.js';
import { describe, expect, it } from 'vitest';
import { confusionMatrixFigure } from './confusion-matrix.js';
import { histogramsFigure } from './histograms.js';
import { networkFigure } from './network.js';
import { fitLayout, wrapTitle } from './report-fit.js';
import { trainingCurvesFigure } from './training-curves.js';

const curves = trainingCurvesFigure({ loss: [1, 0.5], accuracy: [0.5, 0.9] }).layout;
const net = networkFigure(
  {
    layers: [{ neurons: 1 }, { neurons: 1 }],
    connections: [{ from: { layer: 0, neuron: 0 }, to: { layer: 1, neuron: 0 }, weight: 1 }],
  },
  { title: 'The network: Dense 1-1 (ReLU hidden, Softmax output)<br>green positive, red negative' },
).layout;

describe('fitLayout: the report page’s layout rule', () => {
  it('leaves a figure that fits alone', () => {
    expect(fitLayout(curves, 1200)).toEqual(curves);
    expect(fitLayout(net, 1200).width).toBe(1200);
  });

  it('draws a figure wider than the row at the row’s width, its long title broken into lines', () => {
    const fitted = fitLayout(net, 358);
    expect(fitted.width).toBe(358);
    const lines = (fitted.title as { text: string }).text.split('<br>');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(Math.floor(358 / 8.5));
    expect(lines.join(' ')).toBe(
      'The network: Dense 1-1 (ReLU hidden, Softmax output) green positive, red negative',
    );
    // Narrow: small margins, the title's lines above the plot, the legend below it.
    expect(fitted.margin).toEqual({ l: 50, r: 20, t: 40 + 22 * lines.length, b: 60 });
    expect(fitted.legend).toMatchObject({ orientation: 'h', yanchor: 'top' });
    expect([fitted.xaxis?.automargin, fitted.yaxis?.automargin]).toEqual([true, true]);
    expect(net.xaxis?.automargin).toBeUndefined();
    expect(net.width).toBe(1200);
  });

  it('scales the text inside a narrowed figure with it: a confusion matrix’s counts', () => {
    const matrix = confusionMatrixFigure([
      [1125, 3],
      [0, 961],
    ]).layout;
    const fitted = fitLayout(matrix, 390);
    expect(fitted.width).toBe(390);
    // 520 px drawn at 390: the 14 px counts become 14 · 390 / 520 = 10.5, rounded to 11.
    expect(fitted.annotations?.map((a) => a.font?.size)).toEqual([11, 11, 11, 11]);
    expect(fitLayout(matrix, 100).annotations?.[0]?.font?.size).toBe(8);
    expect(matrix.annotations?.[0]?.font?.size).toBe(14);
  });

  it('stacks a grid of panels that would be narrower than 260 px, growing taller', () => {
    const phone = fitLayout(curves, 358);
    expect(phone.grid).toMatchObject({ rows: 2, columns: 1 });
    expect(phone.height).toBe(2 * (420 - 80) + 80);
    const series = [1, 2, 3, 4].map((i) => ({ name: `layer ${i}`, values: [0, i] }));
    const histograms = histogramsFigure(series).layout;
    expect(fitLayout(histograms, 800).grid).toMatchObject({ rows: 2, columns: 3 });
    expect(fitLayout(histograms, 1100).grid).toMatchObject({ rows: 1, columns: 4 });
  });

  it('leaves a figure that sets its own margins (an image grid) as it is, to scroll in its panel', () => {
    const pinned: Partial<Layout> = {
      width: 900,
      title: { text: 'a long title that would be wrapped otherwise' },
      margin: { l: 4, r: 4, t: 60, b: 4 },
    };
    expect(fitLayout(pinned, 200)).toEqual(pinned);
  });

  it('runs as its own source text, as the page runs it', () => {
    const pageFit = new Function(`${wrapTitle}\nreturn ${fitLayout};`)() as typeof fitLayout;
    expect(pageFit(net, 358)).toEqual(fitLayout(net, 358));
    expect(pageFit(curves, 358)).toEqual(fitLayout(curves, 358));
  });

  it('wrapTitle breaks at spaces and at each <br>, never inside a word', () => {
    expect(wrapTitle('one two three<br>four', 8)).toEqual(['one two', 'three', 'four']);
    expect(wrapTitle('unbreakable', 4)).toEqual(['unbreakable']);
  });
});
