const canvas = document.createElement('canvas');

/**
 * A `size` × `size` image as a data URL, pixel i of the grid (row by row, the plane's bottom
 * row first) coloured `color(i)`; the image's top row is the plane's top.
 */
export function heatmapUrl(size: number, color: (i: number) => readonly number[]): string {
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(size, size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const [red, green, blue] = color(r * size + c);
      const at = 4 * ((size - 1 - r) * size + c);
      image.data[at] = red!;
      image.data[at + 1] = green!;
      image.data[at + 2] = blue!;
      image.data[at + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL();
}
