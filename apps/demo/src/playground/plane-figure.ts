import type { Figure } from '@neunet/viz';
import { classColor } from '@neunet/viz';
import type { PlaygroundData, Split } from './data.js';

type Data = Figure['data'][number];

import { DIVERGING_SCALE } from './palette.js';

/** The network's output over a grid of the plane: row r·G + c is (x[c], y[r]). */
export interface PlaneOutput {
  x: number[];
  y: number[];
  /** [G², outputs] row-major. */
  values: Float32Array;
}

/** The largest |target| of a regression, the half-width of its colour scale. */
export function targetRange(data: PlaygroundData): number {
  let range = 1e-6;
  for (const side of [data.train, data.test]) {
    for (const v of (side.y as { data: Float32Array }).data) range = Math.max(range, Math.abs(v));
  }
  return range;
}

/**
 * The data set in the plane, train points filled and test points as rings, over the
 * network's output when there is one: the class areas (for two classes, p(class 1) from one
 * class's colour through white to the other's), or the fitted surface of a regression with
 * the points coloured by their value on the same scale.
 */
export function planeFigure(
  data: PlaygroundData,
  extent: [[number, number], [number, number]],
  output?: PlaneOutput,
): Figure {
  const traces: Data[] = [];
  const range = data.task === 'regression' ? targetRange(data) : 1;
  if (output) traces.push(outputTrace(data, output, range));
  for (const [name, side] of [
    ['train', data.train],
    ['test', data.test],
  ] as const) {
    traces.push(...pointTraces(data, side, name, range));
  }
  const title =
    data.task === 'regression'
      ? output
        ? 'Fitted surface'
        : 'Data (colour: target value)'
      : output
        ? 'Decision boundary'
        : 'Data';
  return {
    data: traces,
    layout: {
      title: { text: `${title} · train ● test ○` },
      height: 440,
      margin: { l: 50, r: 20, t: 50, b: 100 },
      hovermode: 'closest',
      // Below the x axis' ticks and title, not over them.
      legend: { orientation: 'h', y: -0.2, yanchor: 'top' },
      // Square cells: the plot area shrinks to the data's aspect rather than the axes growing.
      xaxis: {
        title: { text: 'x₁' },
        zeroline: false,
        constrain: 'domain',
        range: extent[0],
      },
      yaxis: {
        title: { text: 'x₂' },
        zeroline: false,
        scaleanchor: 'x',
        constrain: 'domain',
        range: extent[1],
      },
    },
  };
}

function outputTrace(data: PlaygroundData, output: PlaneOutput, range: number): Data {
  const { x, y, values } = output;
  const outputs = values.length / (x.length * y.length);
  const z: number[][] = [];
  for (let r = 0; r < y.length; r++) {
    const row: number[] = [];
    for (let c = 0; c < x.length; c++) {
      const i = (r * x.length + c) * outputs;
      if (data.classes === 0) row.push(values[i]!);
      else if (data.classes === 2) row.push(values[i + 1]!);
      else {
        let best = 0;
        for (let k = 1; k < outputs; k++) if (values[i + k]! > values[i + best]!) best = k;
        row.push(best);
      }
    }
    z.push(row);
  }
  const common = { type: 'heatmap', name: 'network', x, y, z, showscale: false } as const;
  if (data.classes === 0) {
    return {
      ...common,
      colorscale: DIVERGING_SCALE,
      zmin: -range,
      zmax: range,
      opacity: 0.8,
      hovertemplate: '(%{x:.2f}, %{y:.2f}): ŷ = %{z:.3f}<extra></extra>',
    };
  }
  if (data.classes === 2) {
    return {
      ...common,
      colorscale: [
        [0, classColor(0)],
        [0.5, '#ffffff'],
        [1, classColor(1)],
      ],
      zmin: 0,
      zmax: 1,
      opacity: 0.5,
      hovertemplate: '(%{x:.2f}, %{y:.2f}): p(class 1) = %{z:.2f}<extra></extra>',
    };
  }
  const colorscale: [number, string][] = [];
  for (let k = 0; k < data.classes; k++) {
    colorscale.push([k / data.classes, classColor(k)], [(k + 1) / data.classes, classColor(k)]);
  }
  return {
    ...common,
    colorscale,
    zmin: -0.5,
    zmax: data.classes - 0.5,
    opacity: 0.35,
    hovertemplate: '(%{x:.2f}, %{y:.2f}): class %{z}<extra></extra>',
  };
}

/** Train points filled with a white rim; test points as thick rings of the same colour. */
function pointTraces(
  data: PlaygroundData,
  side: Split,
  name: 'train' | 'test',
  range: number,
): Data[] {
  const p = side.points.data;
  const marker = (color: string | number[]) =>
    name === 'train'
      ? { color, size: 7, line: { color: 'white', width: 1 } }
      : { color, size: 8, symbol: 'circle-open', line: { width: 2.2 } };
  if (data.classes === 0) {
    const values = Array.from((side.y as { data: Float32Array }).data);
    return [
      {
        type: 'scatter',
        mode: 'markers',
        name,
        x: Array.from(p.filter((_, i) => i % 2 === 0)),
        y: Array.from(p.filter((_, i) => i % 2 === 1)),
        marker: {
          ...marker(values),
          colorscale: DIVERGING_SCALE,
          cmin: -range,
          cmax: range,
          ...(name === 'train' && {
            line: { color: '#333', width: 0.6 },
            // The key to the colours, which the title names; it serves the surface too.
            showscale: true,
            colorbar: { title: { text: 'y' }, thickness: 12, len: 0.8 },
          }),
        },
        // A legend entry would take its marker's colour from the first point's value.
        showlegend: false,
        hovertemplate: `(%{x:.2f}, %{y:.2f}): y = %{marker.color:.3f}<extra>${name}</extra>`,
      } as Data,
    ];
  }
  const labels = side.y as Int32Array;
  return Array.from({ length: data.classes }, (_, k): Data => {
    const xs: number[] = [];
    const ys: number[] = [];
    labels.forEach((label, i) => {
      if (label !== k) return;
      xs.push(p[2 * i]!);
      ys.push(p[2 * i + 1]!);
    });
    return {
      type: 'scatter',
      mode: 'markers',
      name: `class ${k} ${name}`,
      x: xs,
      y: ys,
      marker: marker(classColor(k)),
      hovertemplate: `(%{x:.2f}, %{y:.2f})<extra>class ${k} ${name}</extra>`,
    } as Data;
  });
}
