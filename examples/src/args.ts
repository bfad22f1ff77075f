import { parseArgs } from 'node:util';

/** `--epochs N` on the command line (the tests pass a small N), else `fallback`. */
export function epochsArg(fallback: number): number {
  const { values } = parseArgs({ options: { epochs: { type: 'string' } } });
  const epochs = values.epochs === undefined ? fallback : Number(values.epochs);
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new Error(`--epochs must be an integer >= 1, got ${values.epochs}`);
  }
  return epochs;
}
