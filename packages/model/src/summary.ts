import type { Layer } from '@neunet/layers';

/** Layer, output shape and parameter count per row, then the totals. */
export function summarize(layers: readonly Layer[], inputSize: number | undefined): string {
  const rows: [string, string, string][] = [['Layer (type)', 'Output Shape', 'Param #']];
  let width = inputSize;
  let total = 0;
  layers.forEach((layer, i) => {
    if (width !== undefined)
      width = layer.outputSize ? layer.outputSize(width) : layer.build(width);
    const count = layer.params().reduce((sum, p) => sum + p.value.size, 0);
    total += count;
    const type = layer.getConfig().type;
    rows.push([
      `${type.toLowerCase()}_${i + 1} (${type})`,
      `[null, ${width ?? '?'}]`,
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
