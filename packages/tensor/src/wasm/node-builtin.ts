interface NodeProcess {
  getBuiltinModule?: (name: string) => unknown;
  versions?: { node?: string };
}

/**
 * A Node built-in module, or undefined outside Node (and on Node before 20.16, which
 * lacks `process.getBuiltinModule`). Loading it this way keeps `node:` imports out of the
 * bundle, so browser bundlers see nothing to resolve.
 */
export function nodeBuiltin<T>(name: string): T | undefined {
  const process = (globalThis as { process?: NodeProcess }).process;
  return process?.getBuiltinModule?.(name) as T | undefined;
}

export function isNode(): boolean {
  return (globalThis as { process?: NodeProcess }).process?.versions?.node !== undefined;
}
