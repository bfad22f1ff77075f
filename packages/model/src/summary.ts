import { formatShape, type Layer } from '@neunet/layers';
import type { Shape } from '@neunet/tensor';

/**
 * Layer, output shape (null for the batch axis, `?` before the model knows its input shape)
 * and parameter count per row, then the totals.
 */
export function summarize(layers: readonly Layer[], shapes: readonly Shape[] | undefined): string {
  const rows: [string, string, string][] = [['Layer (type)', 'Output Shape', 'Param #']];
  let total = 0;
  layers.forEach((layer, i) => {
    const count = layer.params().reduce((sum, p) => sum + p.value.size, 0);
    total += count;
    const type = layer.getConfig().type;
    const shape = shapes?.[i];
    rows.push([
      `${type.toLowerCase()}_${i + 1} (${type})`,
      shape ? formatShape([null, ...shape]) : '?',
      count.toLocaleString('en-US'),
    ]);
  });
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: [string, string, string]) =>
    r.map((cell, c) => cell.padEnd(widths[c]!)).join('   ');
  const rule = '─'.repeat(line(rows[0]!).length);
  return [
    rule,
    line(rows[0]!),
    rule,
    ...rows.slice(1).map(line),
    rule,
    `Total params: ${total.toLocaleString('en-US')}`,
    rule,
  ].join('\n');
}
