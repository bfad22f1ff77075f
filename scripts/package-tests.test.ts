import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workspacePackages } from './lib/packing.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** Whether turbo runs a package's build before its own tests (its turbo.json says so). */
function testsNeedOwnBuild(dir: string): boolean {
  const file = join(dir, 'turbo.json');
  if (!existsSync(file)) return false;
  const dependsOn: string[] = JSON.parse(readFileSync(file, 'utf8')).tasks?.test?.dependsOn ?? [];
  return dependsOn.includes('build');
}

// The packages resolve each other through their build output (dist), which a fresh clone
// does not have: `pnpm --filter <name> test` must build what the tests load first, as
// `pnpm test` does through turbo's dependsOn.
const tested = workspacePackages(root)
  .filter(({ manifest }) => (manifest.scripts as Record<string, string> | undefined)?.test)
  .map(({ name, dir, manifest }) => {
    const deps = { ...(manifest.dependencies ?? {}), ...(manifest.devDependencies ?? {}) };
    const workspace = Object.values(deps as Record<string, string>).some((v) =>
      v.startsWith('workspace:'),
    );
    const filter = testsNeedOwnBuild(dir) ? `${name}...` : workspace ? `${name}^...` : undefined;
    const pretest = (manifest.scripts as Record<string, string>).pretest;
    return { name, filter, pretest };
  });

describe('each package’s tests on a fresh clone (no dist yet)', () => {
  it('finds the packages with tests', () => {
    expect(tested.map((p) => p.name)).toEqual(expect.arrayContaining(['@neunet/model', 'demo']));
  });

  it.each(tested)('$name builds what its tests load before they run', ({ filter, pretest }) => {
    expect(pretest).toBe(filter && `turbo run build --filter=${filter} --output-logs=errors-only`);
  });
});
