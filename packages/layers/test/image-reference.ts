import { Rng, Tensor } from '@neunet/tensor';

/** Test helper only: plain loops over NHWC images, written from TensorFlow's definitions. */
export interface WindowSpec {
  size: [number, number];
  strides: [number, number];
  dilation?: [number, number];
  padding: 'valid' | 'same';
}

/** [before, after] padding and output size along one axis, as tf.nn computes them. */
function axis(inSize: number, k: number, s: number, d: number, padding: 'valid' | 'same') {
  const span = (k - 1) * d + 1;
  if (padding === 'valid') return { before: 0, out: Math.floor((inSize - span) / s) + 1 };
  const out = Math.ceil(inSize / s);
  const total = Math.max(0, (out - 1) * s + span - inSize);
  return { before: Math.floor(total / 2), out };
}

/** Calls visit(b, oy, ox, taps) per output cell with the in-bounds taps [ky, kx, iy, ix]. */
function windows(
  x: Tensor,
  spec: WindowSpec,
  visit: (b: number, oy: number, ox: number, taps: [number, number, number, number][]) => void,
): { oh: number; ow: number } {
  const [n, h, w] = x.shape as [number, number, number, number];
  const [dy, dx] = spec.dilation ?? [1, 1];
  const rows = axis(h, spec.size[0], spec.strides[0], dy, spec.padding);
  const cols = axis(w, spec.size[1], spec.strides[1], dx, spec.padding);
  for (let b = 0; b < n; b++)
    for (let oy = 0; oy < rows.out; oy++)
      for (let ox = 0; ox < cols.out; ox++) {
        const taps: [number, number, number, number][] = [];
        for (let ky = 0; ky < spec.size[0]; ky++)
          for (let kx = 0; kx < spec.size[1]; kx++) {
            const iy = oy * spec.strides[0] + ky * dy - rows.before;
            const ix = ox * spec.strides[1] + kx * dx - cols.before;
            if (iy >= 0 && iy < h && ix >= 0 && ix < w) taps.push([ky, kx, iy, ix]);
          }
        visit(b, oy, ox, taps);
      }
  return { oh: rows.out, ow: cols.out };
}

function outShape(x: Tensor, spec: WindowSpec): [number, number] {
  const { oh, ow } = windows(
    new Tensor(new Float32Array(0), [0, ...x.shape.slice(1)]),
    spec,
    () => {},
  );
  return [oh, ow];
}

/** act(conv(x, kernel) + bias), kernel [kh, kw, cIn, cOut]. */
export function referenceConv2d(
  x: Tensor,
  kernel: Tensor,
  bias: Float32Array | undefined,
  spec: WindowSpec,
  act: (v: number) => number = (v) => v,
): Tensor {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const f = kernel.shape[3]!;
  const [oh, ow] = outShape(x, spec);
  const y = Tensor.zeros([n, oh, ow, f]);
  windows(x, spec, (b, oy, ox, taps) => {
    for (let o = 0; o < f; o++) {
      let sum = bias?.[o] ?? 0;
      for (const [ky, kx, iy, ix] of taps)
        for (let i = 0; i < c; i++)
          sum +=
            x.data[((b * h + iy) * w + ix) * c + i]! *
            kernel.data[((ky * spec.size[1] + kx) * c + i) * f + o]!;
      y.data[((b * oh + oy) * ow + ox) * f + o] = act(sum);
    }
  });
  return y;
}

/** Max or mean of each window over its in-bounds cells, channel by channel. */
export function referencePool2d(x: Tensor, spec: WindowSpec, kind: 'max' | 'avg'): Tensor {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const [oh, ow] = outShape(x, spec);
  const y = Tensor.zeros([n, oh, ow, c]);
  windows(x, spec, (b, oy, ox, taps) => {
    for (let i = 0; i < c; i++) {
      const values = taps.map(([, , iy, ix]) => x.data[((b * h + iy) * w + ix) * c + i]!);
      y.data[((b * oh + oy) * ow + ox) * c + i] =
        kind === 'max' ? Math.max(...values) : values.reduce((a, v) => a + v, 0) / values.length;
    }
  });
  return y;
}

/** Values spaced `gap` apart in a seeded order: no two cells of a max window tie. */
export function distinctTensor(shape: number[], seed: number, gap = 0.05): Tensor {
  const t = Tensor.zeros(shape);
  new Rng(seed).permutation(t.size).forEach((v, i) => {
    t.data[i] = (v - t.size / 2) * gap;
  });
  return t;
}
