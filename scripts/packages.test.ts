import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestFiles, subpathEntries } from './lib/manifest-files.mjs';
import {
  packPackages,
  publishedPackages,
  scratchProject,
  type WorkspacePackage,
} from './lib/packing.mjs';
import { cjsExample, esmExample, typescriptExample } from './lib/readme-example.mjs';

// Packing builds through turbo and the scratch install may reach the registry: generous
// budgets for a loaded 2-core machine.
const SETUP_MS = 300_000;
const TEST_MS = 180_000;

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

let packages: WorkspacePackage[];
let packsDir: string;
let scratch: string;
let subpaths: string[];

beforeAll(() => {
  packages = publishedPackages(root);
  packsDir = mkdtempSync(join(tmpdir(), 'neunet-packs-'));
  const tarballs = packPackages(packages, packsDir);
  scratch = scratchProject(
    tarballs,
    packages.map((p) => p.name),
    {
      typescript: rootManifest.devDependencies.typescript,
      '@types/node': rootManifest.devDependencies['@types/node'],
    },
  );
  subpaths = packages.flatMap((p) => subpathEntries(p.name, p.manifest));
}, SETUP_MS);

afterAll(() => {
  for (const dir of [packsDir, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(file: string): string {
  return execFileSync(process.execPath, [file], { cwd: scratch, encoding: 'utf8' });
}

describe('the packed packages, installed outside the workspace', () => {
  it('every package holds each file its package.json points to, and the licence', () => {
    expect(packages.length).toBeGreaterThan(0);
    for (const { name, manifest } of packages) {
      const installed = join(scratch, 'node_modules', name);
      const missing = manifestFiles(manifest).filter((file) => !existsSync(join(installed, file)));
      expect(missing, `${name}'s tarball lacks files its package.json names`).toEqual([]);
      expect(existsSync(join(installed, 'LICENSE')), `${name}'s tarball has no LICENSE`).toBe(true);
    }
  });

  it(
    'run the README example as ESM and as CJS with the same results',
    () => {
      writeFileSync(join(scratch, 'example.mjs'), esmExample(subpaths));
      writeFileSync(join(scratch, 'example.cjs'), cjsExample(subpaths));
      const esm = run('example.mjs');
      const cjs = run('example.cjs');
      // The same seeds give the same run whichever build is loaded.
      expect(cjs).toBe(esm);
      const result = JSON.parse(esm);
      expect(result.loss).toHaveLength(20);
      for (const loss of result.loss) expect(Number.isFinite(loss)).toBe(true);
      expect(result.loss.at(-1)).toBeLessThan(result.loss[0]);
      const correct = result.labels.filter(
        (label: number, i: number) => label === result.predicted[i],
      );
      expect(result.accuracy).toBe(correct.length / result.labels.length);
      expect(Object.keys(result.subpaths)).toEqual(subpaths);
      for (const spec of subpaths) expect(result.subpaths[spec].length, spec).toBeGreaterThan(0);
    },
    TEST_MS,
  );

  const resolutions = [
    { name: 'bundler', module: 'esnext', moduleResolution: 'bundler', files: ['example.ts'] },
    {
      name: 'node16',
      module: 'node16',
      moduleResolution: 'node16',
      files: ['example.mts', 'example.cts'],
    },
    { name: 'node10', module: 'commonjs', moduleResolution: 'node10', files: ['example.ts'] },
  ];
  it.each(resolutions)(
    'type-check the README example and every subpath entry under moduleResolution $name',
    ({ name, module, moduleResolution, files }) => {
      for (const file of files) writeFileSync(join(scratch, file), typescriptExample(subpaths));
      const tsconfig = `tsconfig.${name}.json`;
      const compilerOptions = {
        module,
        moduleResolution,
        target: 'es2022',
        strict: true,
        noEmit: true,
        esModuleInterop: true,
        types: ['node'],
        // TypeScript's own lib files need no checking; the packages' declarations and
        // those of their dependencies still do.
        skipDefaultLibCheck: true,
      };
      writeFileSync(join(scratch, tsconfig), JSON.stringify({ compilerOptions, files }, null, 2));
      const tsc = join(scratch, 'node_modules', 'typescript', 'bin', 'tsc');
      try {
        execFileSync(process.execPath, [tsc, '-p', tsconfig], { cwd: scratch, encoding: 'utf8' });
      } catch (error) {
        const { stdout } = error as { stdout: string };
        throw new Error(`tsc under moduleResolution ${name} failed:\n${stdout}`);
      }
    },
    TEST_MS,
  );
});

describe('pnpm pack in a checkout without build output', () => {
  it(
    'builds the package and the packages it depends on before packing',
    () => {
      const copy = mkdtempSync(join(tmpdir(), 'neunet-clone-'));
      try {
        const skipped = new Set(['node_modules', 'dist', '.turbo', '.git', 'coverage', 'out']);
        cpSync(root, copy, { recursive: true, filter: (source) => !skipped.has(basename(source)) });
        execFileSync('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], {
          cwd: copy,
          stdio: 'pipe',
        });
        // @neunet/layers: the smallest package that depends on another one (@neunet/tensor).
        const layers = packages.find((p) => p.name === '@neunet/layers')!;
        const dir = join(copy, 'packages', basename(layers.dir));
        execFileSync('pnpm', ['pack', '--pack-destination', join(copy, 'packed')], {
          cwd: dir,
          stdio: 'pipe',
        });
        const tarball = join(copy, 'packed', `neunet-layers-${layers.manifest.version}.tgz`);
        const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
        for (const file of manifestFiles(layers.manifest))
          expect(listed).toContain(`package/${file}`);
        expect(existsSync(join(copy, 'packages', 'tensor', 'dist', 'index.js'))).toBe(true);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    },
    SETUP_MS,
  );
});
