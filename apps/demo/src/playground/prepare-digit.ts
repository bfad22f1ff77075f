/** The side of an MNIST image, and of the box its digit is scaled to fit. */
export const MNIST_SIDE = 28;
export const DIGIT_BOX = 20;

/**
 * A drawing as MNIST's digits were prepared (LeCun, Cortes and Burges: "size normalized to
 * fit in a 20x20 pixel box while preserving their aspect ratio", anti-aliased, then
 * "centered in a 28x28 image by computing the center of mass of the pixels"): the ink's
 * bounding box scaled by area averaging so that its longer side is 20 pixels, then moved
 * so that its centre of mass falls on the centre of the 28 × 28 field. The model sees
 * digits the way it was trained on them, whatever their size and place on the pad.
 *
 * `ink` holds `width × height` values in [0, 1], row by row (0 is paper). Returns the
 * 28 × 28 image row by row, or undefined when there is no ink.
 */
export function prepareDigit(
  ink: ArrayLike<number>,
  width: number,
  height: number,
): Float32Array | undefined {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(
      `prepareDigit: width and height are ${width} and ${height}; expected integers >= 1`,
    );
  }
  if (ink.length !== width * height) {
    throw new Error(
      `prepareDigit: ink has ${ink.length} values; expected width × height = ${width * height}`,
    );
  }
  const box = inkBox(ink, width, height);
  if (!box) return undefined;
  const scale = DIGIT_BOX / Math.max(box.width, box.height);
  const w = Math.max(1, Math.round(box.width * scale));
  const h = Math.max(1, Math.round(box.height * scale));
  const cropped = new Float32Array(box.width * box.height);
  for (let r = 0; r < box.height; r++) {
    for (let c = 0; c < box.width; c++) {
      cropped[r * box.width + c] = ink[(box.top + r) * width + box.left + c]!;
    }
  }
  const small = resizeByArea(cropped, box.width, box.height, w, h);
  const [cx, cy] = centreOfMass(small, w, h);
  // Whole-pixel moves keep the strokes sharp; the clamp keeps every stroke in the field
  // (a far off-centre mass, such as a 7's top bar, would otherwise push ink off the edge).
  const left = clamp(Math.round(MNIST_SIDE / 2 - cx), 0, MNIST_SIDE - w);
  const top = clamp(Math.round(MNIST_SIDE / 2 - cy), 0, MNIST_SIDE - h);
  const out = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) out[(top + r) * MNIST_SIDE + left + c] = small[r * w + c]!;
  }
  return out;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The smallest rectangle holding every pixel with ink. */
function inkBox(ink: ArrayLike<number>, width: number, height: number): Box | undefined {
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (ink[r * width + c]! > 0) {
        left = Math.min(left, c);
        right = Math.max(right, c);
        top = Math.min(top, r);
        bottom = r;
      }
    }
  }
  if (right < 0) return undefined;
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/**
 * Each output pixel is the mean of the input area it covers (fractions of pixels at its
 * edges counted by their share): the anti-aliasing that turns strokes into grey levels.
 * Separable: along the rows, then along the columns.
 */
export function resizeByArea(
  image: Float32Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): Float32Array {
  const across = areaWeights(width, outWidth);
  const down = areaWeights(height, outHeight);
  const rows = new Float32Array(height * outWidth);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < outWidth; c++) {
      let sum = 0;
      for (const [from, weight] of across[c]!) sum += weight * image[r * width + from]!;
      rows[r * outWidth + c] = sum;
    }
  }
  const out = new Float32Array(outHeight * outWidth);
  for (let r = 0; r < outHeight; r++) {
    for (let c = 0; c < outWidth; c++) {
      let sum = 0;
      for (const [from, weight] of down[r]!) sum += weight * rows[from * outWidth + c]!;
      out[r * outWidth + c] = sum;
    }
  }
  return out;
}

/** For each of `to` cells, the `from` cells it overlaps and their shares, summing to 1. */
function areaWeights(from: number, to: number): [index: number, weight: number][][] {
  const span = from / to;
  return Array.from({ length: to }, (_, j) => {
    const start = j * span;
    const end = start + span;
    const cells: [number, number][] = [];
    for (let i = Math.floor(start); i < Math.min(from, Math.ceil(end)); i++) {
      const overlap = Math.min(end, i + 1) - Math.max(start, i);
      if (overlap > 0) cells.push([i, overlap / span]);
    }
    return cells;
  });
}

/** The ink-weighted mean position of the pixel centres, [x, y]. */
export function centreOfMass(image: Float32Array, width: number, height: number): [number, number] {
  let mass = 0;
  let x = 0;
  let y = 0;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const v = image[r * width + c]!;
      mass += v;
      x += v * (c + 0.5);
      y += v * (r + 0.5);
    }
  }
  return [x / mass, y / mass];
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
