import { describe, expect, it } from 'vitest';
import { planeExtent, prepareData } from './data.js';
import { planeFigure } from './plane-figure.js';
import { DEFAULT_SETTINGS } from './settings.js';

type Trace = {
  name?: string;
  showlegend?: boolean;
  marker?: { color?: unknown; showscale?: boolean };
};

describe('the plane figure', () => {
  it("keys a regression's colours with a colour bar, not legend markers of one point's colour", () => {
    const data = prepareData({ ...DEFAULT_SETTINGS, dataset: 'gaussians' });
    const traces = planeFigure(data, planeExtent(data)).data as Trace[];
    expect(traces.map((t) => [t.name, t.showlegend, t.marker?.showscale])).toEqual([
      ['train', false, true],
      ['test', false, undefined],
    ]);
  });

  it('keeps a legend entry per class and side for classification, in the class colour', () => {
    const data = prepareData({ ...DEFAULT_SETTINGS, dataset: 'moons' });
    const traces = planeFigure(data, planeExtent(data)).data as Trace[];
    expect(traces.map((t) => t.showlegend)).toEqual([undefined, undefined, undefined, undefined]);
    expect(traces.every((t) => typeof t.marker?.color === 'string')).toBe(true);
  });
});
