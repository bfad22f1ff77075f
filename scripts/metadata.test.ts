import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publishedPackages } from './lib/packing.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packages = publishedPackages(root);
const REPOSITORY = 'git+https://github.com/neunet/neunet.git';

describe('the published packages’ metadata', () => {
  it('finds the published packages', () => {
    expect(packages.map((p) => p.name)).toContain('@neunet/tensor');
  });

  it.each(packages)(
    '$name names its repository, homepage, bugs, keywords and license',
    ({ dir, manifest }) => {
      const directory = relative(root, dir);
      expect(manifest.repository).toEqual({ type: 'git', url: REPOSITORY, directory });
      expect(manifest.homepage).toBe(
        `https://github.com/neunet/neunet/tree/main/${directory}#readme`,
      );
      expect(manifest.bugs).toEqual({ url: 'https://github.com/neunet/neunet/issues' });
      expect(manifest.keywords).toEqual(expect.arrayContaining(['neunet', 'neural-network']));
      expect(manifest.license).toBe(rootManifest.license);
      expect(typeof manifest.description).toBe('string');
    },
  );

  it.each(packages)(
    '$name requires the Node.js version the workspace root requires',
    ({ manifest }) => {
      expect(manifest.engines).toEqual(rootManifest.engines);
    },
  );

  it.each(packages)('$name has a CHANGELOG without an "Unreleased" stub', ({ name, dir }) => {
    const file = join(dir, 'CHANGELOG.md');
    expect(existsSync(file), `${name} has no CHANGELOG.md`).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${name}`);
    expect(text).not.toMatch(/unreleased/i);
  });
});

describe('the workspace root', () => {
  it('requires Node.js 20.16, the first with process.getBuiltinModule (save/load, wasm threads)', () => {
    expect(rootManifest.engines).toEqual({ node: '>=20.16.0' });
  });

  it('has changesets leave private packages (the apps) unversioned', () => {
    const config = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8'));
    expect(config.privatePackages).toEqual({ version: false, tag: false });
  });
});
