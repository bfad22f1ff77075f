import type { ExportedNetwork } from '@neunet/model';
import { classColor } from '@neunet/viz';
import { FEATURES, type FeatureName } from './features.js';
import { heatmapUrl } from './heatmap.js';
import { diverging, NEGATIVE, POSITIVE } from './palette.js';

const SVG = 'http://www.w3.org/2000/svg';
/** Room (in CSS pixels) for the headers above and the input labels at the left. */
const TOP = 30;
const LEFT = 52;
const RIGHT = 20;

/**
 * The figure is drawn at the container's width in CSS pixels (not scaled), so that text stays
 * readable on a phone: the columns close up and the nodes shrink, from 40 px down to what fits.
 */
function layout(width: number, columns: number) {
  const free = Math.max(0, width - LEFT - RIGHT);
  // A node takes about 45 % of a column step, and at most 40 px; columns at most 150 px apart.
  const node = Math.max(10, Math.min(40, (0.45 * free) / (columns - 0.55)));
  const column = Math.min(150, (free - node) / Math.max(1, columns - 1));
  const used = LEFT + (columns - 1) * column + node + RIGHT;
  return { node, column, step: node * 1.3, left: LEFT + Math.max(0, (width - used) / 2) };
}

/** The shape the view draws: the input features, the hidden widths, the outputs. */
export interface NetworkShape {
  features: readonly FeatureName[];
  hidden: readonly number[];
  /** Classes, or 0 for a regression's single output. */
  classes: number;
}

interface Node {
  element: SVGGElement;
  image: SVGImageElement;
  name: string;
}

interface Edge {
  path: SVGPathElement;
  hit: SVGPathElement;
  from: string;
  to: string;
  weight: number;
}

const svg = <K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] => {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
};

/**
 * TensorFlow Playground's network figure in SVG: each node shows what it computes over the
 * input plane as a small heatmap (an input its feature, a hidden unit its output, an output
 * its class probability or fitted value), each edge its weight by colour (blue positive,
 * orange negative) and thickness. Hovering or clicking an edge, or hovering or focusing a
 * node, shows the weights in `readout`.
 */
export class NetworkView {
  private readonly root: SVGSVGElement;
  private columns: Node[][] = [];
  private edges: Edge[][] = [];
  private shape: NetworkShape | undefined;
  private selected: Edge | Node | undefined;
  private inputs: ((feature: FeatureName) => string) | undefined;
  private last: Parameters<NetworkView['update']> | undefined;
  private drawnWidth = 0;
  /** Edge widths scale with the nodes, so that a dense network on a phone is not a blur. */
  private edgeScale = 1;

  constructor(
    private readonly container: HTMLElement,
    private readonly readout: HTMLElement,
  ) {
    this.root = svg('svg', { class: 'network-view', role: 'group' });
    container.replaceChildren(this.root);
    new ResizeObserver(() => {
      if (this.shape && this.width() !== this.drawnWidth) this.render();
    }).observe(container);
  }

  private width(): number {
    return Math.round(this.container.clientWidth) || 800;
  }

  /** Draws the network's nodes and (neutral) edges, the inputs' heatmaps from `inputs`. */
  setShape(shape: NetworkShape, inputs: (feature: FeatureName) => string): void {
    this.shape = shape;
    this.inputs = inputs;
    this.last = undefined;
    this.render();
    this.readout.textContent =
      'Hover or click an edge, or hover or focus a unit, to read its weights.';
  }

  private render(): void {
    const shape = this.shape!;
    const inputs = this.inputs!;
    const outputs = shape.classes === 0 ? 1 : shape.classes;
    const widths = [shape.features.length, ...shape.hidden, outputs];
    const rows = Math.max(...widths);
    const width = this.width();
    this.drawnWidth = width;
    const { node: size, column: spacing, step: pitch, left } = layout(width, widths.length);
    this.edgeScale = size / 40;
    const height = TOP + rows * pitch;
    this.root.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.root.setAttribute('width', String(width));
    this.root.setAttribute('height', String(height));
    // Narrow columns get short headers: 'in', '1', '2', …, 'out'.
    const short = spacing < 64;
    this.root.setAttribute(
      'aria-label',
      `network: ${widths.join(' → ')} units; hover or focus a unit for its weights`,
    );
    this.root.replaceChildren();
    const edgeLayer = svg('g', { class: 'edges' });
    const nodeLayer = svg('g', { class: 'nodes' });
    this.root.append(edgeLayer, nodeLayer);
    const place = (column: number, row: number, count: number) => ({
      x: left + column * spacing,
      y: TOP + (rows - count) * (pitch / 2) + row * pitch + (pitch - size) / 2,
    });
    this.columns = widths.map((count, column) => {
      const header = svg('text', {
        x: left + column * spacing + size / 2,
        y: 16,
        class: 'header',
        'text-anchor': 'middle',
      });
      const last = column === widths.length - 1;
      header.textContent = short
        ? column === 0
          ? 'in'
          : last
            ? 'out'
            : String(column)
        : column === 0
          ? 'inputs'
          : last
            ? 'output'
            : `layer ${column}`;
      nodeLayer.append(header);
      return Array.from({ length: count }, (_, row) => {
        const name = nodeName(shape, column, row, widths.length);
        const { x, y } = place(column, row, count);
        const element = svg('g', { class: 'node', tabindex: 0, role: 'img', 'aria-label': name });
        const image = svg('image', {
          x,
          y,
          width: size,
          height: size,
          preserveAspectRatio: 'none',
        });
        const frame = svg('rect', { x, y, width: size, height: size, class: 'frame' });
        element.append(image, frame);
        if (column === 0) {
          const label = svg('text', { x: x - 6, y: y + size / 2 + 4, 'text-anchor': 'end' });
          label.textContent = FEATURES[shape.features[row]!].label;
          element.append(label);
          image.setAttribute('href', inputs(shape.features[row]!));
        }
        if (column === widths.length - 1 && shape.classes > 0) {
          frame.setAttribute('style', `stroke: ${classColor(row)}`);
        }
        nodeLayer.append(element);
        const node = { element, image, name };
        for (const type of ['pointerenter', 'focus', 'click']) {
          element.addEventListener(type, () => this.select(node));
        }
        return node;
      });
    });
    this.edges = widths.slice(1).map((count, i) => {
      const edges: Edge[] = [];
      for (let r = 0; r < widths[i]!; r++) {
        for (let c = 0; c < count; c++) {
          const a = place(i, r, widths[i]!);
          const b = place(i + 1, c, count);
          const x0 = a.x + size;
          const y0 = a.y + size / 2;
          const x1 = b.x;
          const y1 = b.y + size / 2;
          const mid = (x0 + x1) / 2;
          const d = `M${x0},${y0} C${mid},${y0} ${mid},${y1} ${x1},${y1}`;
          const path = svg('path', { d, class: 'edge' });
          const hit = svg('path', { d, class: 'edge-hit' });
          const edge = {
            path,
            hit,
            from: this.columns[i]![r]!.name,
            to: this.columns[i + 1]![c]!.name,
            weight: Number.NaN,
          };
          for (const type of ['pointerenter', 'click']) {
            hit.addEventListener(type, () => this.select(edge));
          }
          edgeLayer.append(path, hit);
          edges.push(edge);
        }
      }
      return edges;
    });
    this.selected = undefined;
    if (this.last) this.update(...this.last);
  }

  /**
   * Shows a trained state: `units` holds each hidden layer's outputs over a `grid` × `grid`
   * plane ([grid², width] row-major, rows of the plane bottom to top), `output` the outputs
   * over an `outputGrid` × `outputGrid` one.
   */
  update(
    network: ExportedNetwork,
    units: readonly Float32Array[],
    grid: number,
    output: Float32Array,
    outputGrid: number,
  ): void {
    const shape = this.shape;
    if (!shape) return;
    this.last = [network, units, grid, output, outputGrid];
    units.forEach((values, layer) => {
      const width = values.length / (grid * grid);
      const scale = maxAbs(values);
      this.columns[layer + 1]!.forEach((node, unit) => {
        node.image.setAttribute(
          'href',
          heatmapUrl(grid, (i) => diverging(values[i * width + unit]! / scale)),
        );
      });
    });
    const outputs = output.length / (outputGrid * outputGrid);
    const range = shape.classes === 0 ? maxAbs(output) : 1;
    this.columns.at(-1)!.forEach((node, k) => {
      node.image.setAttribute(
        'href',
        heatmapUrl(outputGrid, (i) =>
          shape.classes === 0
            ? diverging(output[i]! / range)
            : tint(classColor(k), output[i * outputs + k]!),
        ),
      );
    });
    const flat = this.edges.flat();
    network.connections.forEach((connection, i) => {
      const edge = flat[i];
      if (edge) edge.weight = connection.weight;
    });
    for (const edge of flat) {
      const w = edge.weight;
      const [r, g, b] = w < 0 ? NEGATIVE : POSITIVE;
      edge.path.style.stroke = `rgb(${r},${g},${b})`;
      edge.path.style.strokeWidth = String(this.edgeScale * (0.4 + 2.2 * Math.min(Math.abs(w), 3)));
    }
    if (this.selected) this.select(this.selected);
  }

  private select(target: Edge | Node): void {
    this.root.querySelector('.selected')?.classList.remove('selected');
    for (const edge of Array.from(this.root.querySelectorAll('.incoming')))
      edge.classList.remove('incoming');
    this.selected = target;
    if ('path' in target) {
      target.path.classList.add('selected');
      this.readout.textContent = `${target.from} → ${target.to}: weight ${format(target.weight)}`;
      return;
    }
    target.element.classList.add('selected');
    const incoming = this.edges.flat().filter((edge) => edge.to === target.name);
    for (const edge of incoming) edge.path.classList.add('incoming');
    this.readout.textContent =
      incoming.length === 0
        ? `${target.name}: an input`
        : `${target.name}, weights in: ${incoming.map((e) => `${e.from} ${format(e.weight)}`).join(', ')}`;
  }
}

function nodeName(shape: NetworkShape, column: number, row: number, columns: number): string {
  if (column === 0) return `input ${FEATURES[shape.features[row]!].label}`;
  if (column === columns - 1) return shape.classes === 0 ? 'output ŷ' : `output class ${row}`;
  return `layer ${column} unit ${row + 1}`;
}

function format(weight: number): string {
  return Number.isNaN(weight) ? '– (not trained yet)' : weight.toFixed(3);
}

function maxAbs(values: Float32Array): number {
  let m = 1e-6;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return m;
}

/** p in [0, 1] from white to the colour. */
function tint(hex: string, p: number): [number, number, number] {
  return [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16);
    return Math.round(255 + Math.max(0, Math.min(1, p)) * (c - 255));
  }) as [number, number, number];
}
