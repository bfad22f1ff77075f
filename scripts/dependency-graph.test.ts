import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publishedPackages } from './lib/packing.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const packages = publishedPackages(root);

/**
 * The dependency graph of docs/ARCHITECTURE.md: what each package may use at run time.
 * A package added to the workspace must be placed here (the first test says so).
 */
const ALLOWED: Record<string, readonly string[]> = {
  '@neunet/options': [],
  '@neunet/tensor': ['@neunet/options'],
  '@neunet/layers': ['@neunet/options', '@neunet/tensor'],
  '@neunet/regularization': ['@neunet/options', '@neunet/tensor', '@neunet/layers'],
  '@neunet/losses': ['@neunet/options', '@neunet/tensor'],
  '@neunet/optimizers': ['@neunet/options', '@neunet/tensor'],
  '@neunet/metrics': ['@neunet/options', '@neunet/tensor'],
  '@neunet/datasets': ['@neunet/options', '@neunet/tensor'],
  '@neunet/mnist': ['@neunet/options', '@neunet/tensor', '@neunet/datasets'],
  '@neunet/model': [
    '@neunet/options',
    '@neunet/tensor',
    '@neunet/layers',
    '@neunet/regularization',
    '@neunet/losses',
    '@neunet/optimizers',
    '@neunet/metrics',
  ],
  '@neunet/export': [
    '@neunet/options',
    '@neunet/tensor',
    '@neunet/layers',
    '@neunet/regularization',
    '@neunet/model',
  ],
  '@neunet/viz': ['@neunet/options'],
};

/** Every package that uses `name`, directly or through others: the packages above it. */
function above(name: string): Set<string> {
  const users = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [user, used] of Object.entries(ALLOWED)) {
      if (!users.has(user) && used.some((u) => u === name || users.has(u))) {
        users.add(user);
        grew = true;
      }
    }
  }
  return users;
}

/** The @neunet names among a manifest's dependency field. */
function neunet(deps: unknown): string[] {
  return Object.keys((deps as Record<string, string> | undefined) ?? {}).filter((d) =>
    d.startsWith('@neunet/'),
  );
}

/** The source files under `dir`, skipping installed and built folders. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return ['node_modules', 'dist', 'coverage'].includes(entry.name) ? [] : sourceFiles(path);
    }
    return /\.[cm]?[tj]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The @neunet packages a file imports: static, dynamic, re-exports and require. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = text.matchAll(
    /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"](@neunet\/[a-z0-9-]+)/g,
  );
  return [...found].map((m) => m[1]!);
}

const isTest = (file: string) => /\.test\.[cm]?[tj]sx?$/.test(file);

describe('the dependency graph of docs/ARCHITECTURE.md', () => {
  it('places every published package', () => {
    expect(packages.map((p) => p.name).sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it.each(packages)(
    '$name depends at run time only on the packages below it',
    ({ name, manifest }) => {
      const runtime = [...neunet(manifest.dependencies), ...neunet(manifest.peerDependencies)];
      expect(runtime.filter((d) => !ALLOWED[name]?.includes(d))).toEqual([]);
    },
  );

  it.each(packages)(
    '$name imports, in its library code, only packages below it that it declares',
    ({ name, dir, manifest }) => {
      const declared = new Set(
        neunet(manifest.dependencies).concat(neunet(manifest.peerDependencies)),
      );
      const wrong: string[] = [];
      for (const file of sourceFiles(join(dir, 'src')).filter((f) => !isTest(f))) {
        for (const used of importsOf(file)) {
          if (used !== name && !(ALLOWED[name]?.includes(used) && declared.has(used))) {
            wrong.push(`${relative(root, file)} imports ${used}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  it.each(packages)(
    '$name uses no package above it, in its tests or devDependencies either',
    ({ name, dir, manifest }) => {
      const forbidden = above(name);
      const wrong = neunet(manifest.devDependencies)
        .filter((d) => forbidden.has(d))
        .map((d) => `devDependency ${d}`);
      for (const file of sourceFiles(dir)) {
        for (const used of importsOf(file)) {
          if (forbidden.has(used)) wrong.push(`${relative(root, file)} imports ${used}`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
