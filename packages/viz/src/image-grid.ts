import { checkOptions, optionKeys } from '@neunet/options';
import type { ColorScale, Data, Layout } from 'plotly.js';
import { INK_COLORSCALE, SIGNED_COLORSCALE } from './colors.js';
import type { Figure } from './figure.js';

/**
 * A grayscale image: its rows (row 0 at the top), or all its pixels row by row with
 * `imageShape` in the options.
 */
export type GrayImage = ArrayLike<ArrayLike<number>> | ArrayLike<number>;

export interface ImageGridOptions {
  /** Default 'Images'. */
  title?: string;
  /** One per image, drawn above it: 'filter 3', 'true 7 / predicted 1'. */
  titles?: readonly string[];
  /** Images per row. Default: all in one row, up to 8. */
  columns?: number;
  /** [height, width] of images given as flat pixel arrays. */
  imageShape?: readonly [number, number];
  /** Pixels on screen of each image's longer side. Default 96. */
  cellSize?: number;
  /** Default: white (low) to black (high), or red, white, green when `symmetric`. */
  colorscale?: ColorScale;
  /** Centre the colours on 0 (±the largest |value|), for signed data such as weights. */
  symmetric?: boolean;
  /**
   * The values that the colorscale spans: 'shared' (default) across all images, so that
   * they compare, with one colour bar; 'each' image its own (feature maps whose channels
   * differ in scale); or a fixed [min, max] such as [0, 1] for pixels.
   */
  range?: 'shared' | 'each' | readonly [number, number];
}

const OPTIONS = optionKeys<ImageGridOptions>()([
  'title',
  'titles',
  'columns',
  'imageShape',
  'cellSize',
  'colorscale',
  'symmetric',
  'range',
]);

/** Pixel gaps between images; each title line's height and the font's average width. */
const GAP = 8;
const TITLE_LINE = 15;
const TITLE_FONT = 12;
const CHAR_WIDTH = 0.6 * TITLE_FONT;
/** The figure's title sits below plotly's mode bar, which a narrow grid would put over it. */
const MARGIN = { l: 10, r: 10, t: 60, b: 10 };
const TITLE_TOP = 30;
const COLORBAR_WIDTH = 70;
const BARE_AXIS = { showticklabels: false, ticks: '', showgrid: false, zeroline: false } as const;

/**
 * Small grayscale images side by side, each a heatmap on its own axes with square pixels
 * and row 0 at the top, and its title above it: learned convolution filters, the channels
 * of a feature map, misclassified digits. The figure's size follows from the images, so
 * that pixels stay square.
 */
export function imageGridFigure(
  images: readonly GrayImage[],
  options: ImageGridOptions = {},
): Figure {
  checkOptions('imageGridFigure', options, OPTIONS);
  const { title = 'Images', titles, cellSize = 96, symmetric = false, range = 'shared' } = options;
  const n = images.length;
  if (n === 0) throw new Error('imageGridFigure: no images to draw');
  const columns = options.columns ?? Math.min(n, 8);
  if (!Number.isInteger(columns) || columns < 1) {
    throw new Error(`imageGridFigure: columns is ${columns}; expected an integer >= 1`);
  }
  if (!(cellSize > 0 && Number.isFinite(cellSize))) {
    throw new Error(`imageGridFigure: cellSize is ${cellSize}; expected a finite number > 0`);
  }
  if (titles !== undefined && titles.length !== n) {
    throw new Error(
      `imageGridFigure: titles has ${titles.length} entries; expected ${n}, one per image`,
    );
  }
  if (Array.isArray(range) && symmetric) {
    throw new Error('imageGridFigure: range is fixed and symmetric is set; pass one of them');
  }
  const z = images.map((image, i) => imageRows(image, i, options.imageShape));
  const imgH = z[0]!.length;
  const imgW = z[0]![0]!.length;
  z.forEach((rows, i) => {
    if (rows.length !== imgH || rows[0]!.length !== imgW) {
      throw new Error(
        `imageGridFigure: image ${i} is ${rows.length} × ${rows[0]!.length}; expected ${imgH} × ${imgW} like image 0`,
      );
    }
  });
  const ranges = colorRanges(z, range, symmetric);
  const colorscale = options.colorscale ?? (symmetric ? SIGNED_COLORSCALE : INK_COLORSCALE);
  const withBar = range !== 'each';

  // Pixel geometry, then axis domains as fractions of the plotting area.
  const scale = cellSize / Math.max(imgH, imgW);
  const cellW = imgW * scale;
  const cellH = imgH * scale;
  const lines = titles?.map((text) => wrap(text, cellW));
  const band = lines ? Math.max(...lines.map((l) => l.length)) * TITLE_LINE + 5 : 0;
  const rows = Math.ceil(n / columns);
  const plotW = columns * cellW + (columns - 1) * GAP;
  const plotH = rows * (band + cellH) + (rows - 1) * GAP;
  const margin = { ...MARGIN, r: MARGIN.r + (withBar ? COLORBAR_WIDTH : 0) };

  const height = Math.round(plotH + margin.t + margin.b);
  const layout: Partial<Layout> = {
    title: { text: title, yref: 'container', y: 1 - TITLE_TOP / height, yanchor: 'top' },
    width: Math.round(plotW + margin.l + margin.r),
    height,
    margin,
    showlegend: false,
    annotations: [],
  };
  const data: Data[] = z.map((rowsOf, i) => {
    const row = Math.floor(i / columns);
    const col = i % columns;
    const left = col * (cellW + GAP);
    const top = row * (band + cellH + GAP) + band;
    const x: [number, number] = [left / plotW, (left + cellW) / plotW];
    const y: [number, number] = [1 - (top + cellH) / plotH, 1 - top / plotH];
    const suffix = i === 0 ? '' : String(i + 1);
    // The typings name axes only up to xaxis9; plotly.js takes any number.
    const axes = layout as Record<string, unknown>;
    axes[`xaxis${suffix}`] = {
      ...BARE_AXIS,
      domain: x,
      range: [-0.5, imgW - 0.5],
      constrain: 'domain',
    };
    // Reversed, so that row 0 is at the top as in the image; square pixels however it resizes.
    axes[`yaxis${suffix}`] = {
      ...BARE_AXIS,
      domain: y,
      range: [imgH - 0.5, -0.5],
      scaleanchor: `x${suffix}`,
      scaleratio: 1,
      constrain: 'domain',
    };
    const name = titles?.[i] ?? `image ${i}`;
    if (lines) {
      layout.annotations!.push({
        text: lines[i]!.join('<br>'),
        xref: 'paper',
        yref: 'paper',
        x: (x[0] + x[1]) / 2,
        y: y[1],
        xanchor: 'center',
        yanchor: 'bottom',
        showarrow: false,
        font: { size: TITLE_FONT },
      });
    }
    const [zmin, zmax] = ranges[i]!;
    return {
      type: 'heatmap',
      name,
      z: rowsOf,
      zmin,
      zmax,
      colorscale,
      showscale: withBar && i === 0,
      ...(withBar && i === 0 && { colorbar: { thickness: 14, len: Math.min(1, 300 / plotH) } }),
      xaxis: `x${suffix}`,
      yaxis: `y${suffix}`,
      hovertemplate: `row %{y}, column %{x}: %{z:.4g}<extra>${name}</extra>`,
    };
  });
  return { data, layout };
}

/** An image as rows of finite numbers, checked for its shape. */
function imageRows(
  image: GrayImage,
  index: number,
  imageShape: readonly [number, number] | undefined,
): number[][] {
  const where = `imageGridFigure: image ${index}`;
  if (image.length === 0) throw new Error(`${where} is empty`);
  let rows: ArrayLike<ArrayLike<number>>;
  if (typeof image[0] === 'number') {
    const flat = image as ArrayLike<number>;
    if (imageShape === undefined) {
      throw new Error(
        `${where} is flat (${flat.length} values); pass imageShape: [height, width], or give its rows`,
      );
    }
    const [h, w] = imageShape;
    if (!(Number.isInteger(h) && Number.isInteger(w) && h > 0 && w > 0)) {
      throw new Error(
        `imageGridFigure: imageShape is [${imageShape.join(', ')}]; expected [height, width], integers >= 1`,
      );
    }
    if (flat.length !== h * w) {
      throw new Error(`${where} has ${flat.length} values; imageShape [${h}, ${w}] needs ${h * w}`);
    }
    rows = Array.from({ length: h }, (_, r) =>
      Array.from({ length: w }, (_, c) => flat[r * w + c]!),
    );
  } else {
    rows = image as ArrayLike<ArrayLike<number>>;
  }
  const width = rows[0]?.length;
  if (!width) throw new Error(`${where} row 0 is empty; expected pixel values`);
  return Array.from(rows, (row, r) => {
    if (row?.length !== width) {
      throw new Error(
        `${where} row ${r} has ${row?.length ?? 'no'} values; expected ${width} like row 0`,
      );
    }
    return Array.from(row, (v, c) => {
      if (!Number.isFinite(v)) {
        throw new Error(`${where} [${r}][${c}] is ${v}; expected a finite number`);
      }
      return v;
    });
  });
}

/** [zmin, zmax] per image. */
function colorRanges(
  z: readonly number[][][],
  range: ImageGridOptions['range'],
  symmetric: boolean,
): [number, number][] {
  if (Array.isArray(range)) {
    const [lo, hi] = range as readonly [number, number];
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
      throw new Error(
        `imageGridFigure: range is [${range.join(', ')}]; expected [min, max], min < max`,
      );
    }
    return z.map(() => [lo, hi]);
  }
  if (range !== 'shared' && range !== 'each') {
    throw new Error(
      `imageGridFigure: range is ${String(range)}; expected 'shared', 'each' or [min, max]`,
    );
  }
  const extents = z.map((rows) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const row of rows) {
      for (const v of row) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return [lo, hi] as [number, number];
  });
  const fit = ([lo, hi]: [number, number]): [number, number] => {
    if (symmetric) {
      const m = Math.max(Math.abs(lo), Math.abs(hi));
      // An all-zero image (a dead filter) still needs a span for its colours.
      return m > 0 ? [-m, m] : [-1, 1];
    }
    return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
  };
  if (range === 'each') return extents.map(fit);
  const shared = fit([
    Math.min(...extents.map((e) => e[0])),
    Math.max(...extents.map((e) => e[1])),
  ]);
  return z.map(() => shared);
}

/**
 * A title's lines, broken at spaces to fit `width` pixels as far as an estimate of the
 * text's width allows: plotly does not wrap annotations ('true 7 / predicted 1' is wider
 * than a 96-pixel digit).
 */
function wrap(text: string, width: number): string[] {
  const fits = Math.max(1, Math.floor(width / CHAR_WIDTH));
  const out: string[] = [];
  for (const word of text.split(' ')) {
    const last = out.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= fits)
      out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}
