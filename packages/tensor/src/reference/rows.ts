import type { Tensor } from '../tensor.js';

/**
 * Values per row of `t`: a row is one sample, every value but the first axis's index
 * (1 for a one-axis tensor), so a gather works on tensors of any rank, empty ones too.
 */
export function rowWidth(t: Tensor): number {
  let width = 1;
  for (let i = 1; i < t.shape.length; i++) width *= t.shape[i]!;
  return width;
}

/** The number of rows of `t` and their width; throws naming `where` for a scalar. */
function rowsOf(where: string, what: string, t: Tensor): [number, number] {
  if (t.shape.length === 0) {
    throw new Error(`${where}: ${what} has shape [], expected a batch axis first`);
  }
  return [t.shape[0]!, rowWidth(t)];
}

/** Checks a gather's operands; returns the rows of src and the row width. */
export function checkGather(
  src: Tensor,
  indices: Int32Array,
  out: Tensor,
): [rows: number, width: number] {
  const [rows, width] = rowsOf('gatherRows', 'src', src);
  const [outRows, outWidth] = rowsOf('gatherRows', 'out', out);
  if (outRows !== indices.length || outWidth !== width) {
    throw new Error(
      `gatherRows: out is [${out.shape.join(', ')}], expected ${indices.length} rows (one per index) of ${width} values`,
    );
  }
  return [rows, width];
}

export function outOfRange(at: number, index: number, rows: number): Error {
  return new Error(`gatherRows: index ${index} at position ${at} is outside [0, ${rows})`);
}

export function gatherRows(src: Tensor, indices: Int32Array, out: Tensor): Tensor {
  const [rows, width] = checkGather(src, indices, out);
  for (let r = 0; r < indices.length; r++) {
    const index = indices[r]!;
    if (!(index >= 0 && index < rows)) throw outOfRange(r, index, rows);
  }
  const from = src.data;
  const to = out.data;
  // An element loop rather than set(subarray(...)): a view per row would allocate.
  for (let r = 0, at = 0; r < indices.length; r++) {
    const row = indices[r]! * width;
    for (let j = 0; j < width; j++, at++) to[at] = from[row + j]!;
  }
  return out;
}
