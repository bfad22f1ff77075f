import { describe, expect, it } from 'vitest';
import { centreOfMass, MNIST_SIDE, prepareDigit, resizeByArea } from './prepare-digit.js';

const PAD = 280;

/** A PAD × PAD drawing with the rectangle [left, left + width) × [top, top + height) inked. */
function rectangle(left: number, top: number, width: number, height: number): Float32Array {
  const ink = new Float32Array(PAD * PAD);
  for (let r = top; r < top + height; r++) ink.fill(1, r * PAD + left, r * PAD + left + width);
  return ink;
}

/** Both drawings on one pad. */
function union(a: Float32Array, b: Float32Array): Float32Array {
  return a.map((v, i) => Math.max(v, b[i]!));
}

/** The inked rows and columns of a 28 × 28 image, as [width, height]. */
function inkedSize(image: Float32Array): [number, number] {
  const rows = new Set<number>();
  const cols = new Set<number>();
  image.forEach((v, i) => {
    if (v > 0) {
      rows.add(Math.floor(i / MNIST_SIDE));
      cols.add(i % MNIST_SIDE);
    }
  });
  return [cols.size, rows.size];
}

describe('prepareDigit: a drawing as MNIST prepared its digits', () => {
  it('scales the ink’s box to 20 pixels on its longer side, keeping the aspect ratio', () => {
    const tall = prepareDigit(rectangle(30, 40, 100, 200), PAD, PAD)!;
    expect(inkedSize(tall)).toEqual([10, 20]);
    const wide = prepareDigit(rectangle(150, 10, 120, 60), PAD, PAD)!;
    expect(inkedSize(wide)).toEqual([20, 10]);
    // Area averaging keeps the amount of ink: 10 × 20 fully inked pixels.
    expect(tall.reduce((a, b) => a + b, 0)).toBeCloseTo(200, 3);
  });

  it('puts the centre of mass on the centre of the field, wherever the drawing was', () => {
    const places: [number, number][] = [
      [0, 0],
      [180, 7],
      [33, 171],
    ];
    for (const [left, top] of places) {
      // An L: its mass sits low and to the left of its box.
      const ink = union(rectangle(left, top, 20, 100), rectangle(left, top + 80, 90, 20));
      const [x, y] = centreOfMass(prepareDigit(ink, PAD, PAD)!, MNIST_SIDE, MNIST_SIDE);
      expect(Math.abs(x - 14)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(y - 14)).toBeLessThanOrEqual(0.5);
    }
  });

  it('gives the same image for the same shape at any place on the pad', () => {
    const a = prepareDigit(rectangle(10, 20, 50, 150), PAD, PAD)!;
    const b = prepareDigit(rectangle(200, 120, 50, 150), PAD, PAD)!;
    expect(b).toEqual(a);
  });

  it('keeps every stroke inside the field when the mass is far off centre', () => {
    // A thin bar with a heavy block at its right end, 200 × 40 pixels: scaled by exactly
    // 1/10, its centre of mass is 16 pixels into its 20-pixel box, so centring the mass
    // would push the bar's left end 2 pixels off the field.
    const ink = union(rectangle(20, 119, 200, 2), rectangle(200, 100, 20, 40));
    const image = prepareDigit(ink, PAD, PAD)!;
    const total = (data: Float32Array) => data.reduce((a, b) => a + b, 0);
    expect(total(image)).toBeCloseTo(total(ink) / 100, 3);
    const columns = new Set(Array.from(image).flatMap((v, i) => (v > 0 ? [i % MNIST_SIDE] : [])));
    expect([...columns].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('gives undefined for a blank pad and grey levels for faint ink', () => {
    expect(prepareDigit(new Float32Array(PAD * PAD), PAD, PAD)).toBeUndefined();
    const faint = rectangle(100, 100, 40, 40).map((v) => v * 0.25);
    const image = prepareDigit(faint, PAD, PAD)!;
    expect(Math.max(...image)).toBeCloseTo(0.25, 6);
  });

  it('rejects ink that does not match the size given', () => {
    expect(() => prepareDigit(new Float32Array(10), 4, 3)).toThrow(
      'prepareDigit: ink has 10 values; expected width × height = 12',
    );
    expect(() => prepareDigit(new Float32Array(0), 0, 0)).toThrow(
      'prepareDigit: width and height are 0 and 0; expected integers >= 1',
    );
  });
});

describe('resizeByArea', () => {
  it('averages whole blocks when the sizes divide', () => {
    const image = Float32Array.from({ length: 16 }, (_, i) => i);
    expect(Array.from(resizeByArea(image, 4, 4, 2, 2))).toEqual([2.5, 4.5, 10.5, 12.5]);
  });

  it('splits a pixel between the cells it straddles', () => {
    // Three pixels to two cells: each cell is 1.5 pixels wide.
    const out = resizeByArea(Float32Array.from([3, 6, 9]), 3, 1, 2, 1);
    expect(out[0]).toBeCloseTo((3 + 0.5 * 6) / 1.5, 6);
    expect(out[1]).toBeCloseTo((0.5 * 6 + 9) / 1.5, 6);
  });
});
