import type { Layer } from '@neunet/layers';
import type { Shape } from '@neunet/tensor';

const size = (list: readonly { value: { size: number } }[]) =>
  list.reduce((sum, { value }) => sum + value.size, 0);
const count = (n: number) => n.toLocaleString('en-US');

/** Keras's snake_case of a class name: `BatchNormalization` → `batch_normalization`, `ReLU` → `re_lu`. */
function snakeCase(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** Keras's default layer names: per type, `dense`, then `dense_1`, `dense_2`, ... */
function layerNames(types: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return types.map((type) => {
    const name = snakeCase(type);
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}_${count}`;
  });
}

/**
 * The table of Keras's and TensorFlow.js's `summary()`: per layer its name and type, its
 * output shape (`(None, 16)`: None for the batch axis; `?` before the model knows its input
 * shape) and its parameter count, then the totals. As there, a layer's count includes its
 * non-trainable state (BatchNormalization's moving mean and variance, its `buffers()`),
 * which the totals report as non-trainable.
 */
export function summarize(layers: readonly Layer[], shapes: readonly Shape[] | undefined): string {
  const rows: [string, string, string][] = [['Layer (type)', 'Output Shape', 'Param #']];
  let trainable = 0;
  let fixed = 0;
  const types = layers.map((layer) => layer.getConfig().type);
  const names = layerNames(types);
  layers.forEach((layer, i) => {
    const params = size(layer.params());
    const buffers = size(layer.buffers?.() ?? []);
    trainable += params;
    fixed += buffers;
    const shape = shapes?.[i];
    rows.push([
      `${names[i]} (${types[i]})`,
      shape ? `(${['None', ...shape].join(', ')})` : '?',
      count(params + buffers),
    ]);
  });
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: [string, string, string]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('   ')
      .trimEnd();
  const length = widths.reduce((a, b) => a + b, 0) + 6;
  const thin = '_'.repeat(length);
  const thick = '='.repeat(length);
  const body = rows.slice(1).flatMap((r, i) => (i === 0 ? [line(r)] : [thin, line(r)]));
  return [
    thin,
    line(rows[0]!),
    thick,
    ...body,
    thick,
    `Total params: ${count(trainable + fixed)}`,
    `Trainable params: ${count(trainable)}`,
    `Non-trainable params: ${count(fixed)}`,
    thin,
  ].join('\n');
}
