import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjsEntries, esmEntries, typescriptEntries } from './lib/entry-points.mjs';
import { manifestFiles, subpathEntries } from './lib/manifest-files.mjs';
import {
  packPackages,
  publishedPackages,
  scratchProject,
  type WorkspacePackage,
} from './lib/packing.mjs';
import {
  neunetImports,
  type ReadmeBlock,
  readmeExamples,
  readmePackedPackages,
  readmeRegistryPackages,
} from './lib/readme-blocks.mjs';

// Packing builds through turbo and the scratch install may reach the registry: generous
// budgets for a loaded 2-core machine.
const SETUP_MS = 300_000;
const TEST_MS = 180_000;

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const published = publishedPackages(root);
// What "Using NeuNet in your own project" packs and installs, and nothing else: the
// README's blocks must run with exactly that.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const packedDirs = readmePackedPackages(readme);
const examples = readmeExamples(root);
// "The example": the README's first block, the first design document's program.
const example = examples[0]!;

/**
 * A registry package the README installs beside the tarballs (a peer dependency such as
 * plotly.js-dist-min), at the version the workspace develops the package that wants it
 * with, so that the install can come from the local store.
 */
function workspaceVersion(name: string): string {
  for (const { manifest } of published) {
    const version = (manifest.devDependencies as Record<string, string> | undefined)?.[name];
    if (version) return version;
  }
  throw new Error(
    `README.md installs ${name}, which no published package develops with; expected a peer dependency of one`,
  );
}

let packages: WorkspacePackage[];
let packsDir: string;
let scratch: string;
let entries: string[];

function tsc(project: string): string {
  const bin = join(scratch, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [bin, '-p', project], { cwd: scratch, encoding: 'utf8' });
    return '';
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

function tsconfig(name: string, options: Record<string, unknown>, files: string[]): string {
  const compilerOptions = {
    target: 'es2022',
    strict: true,
    esModuleInterop: true,
    types: ['node'],
    // TypeScript's own lib files need no checking; the packages' declarations and
    // those of their dependencies still do.
    skipDefaultLibCheck: true,
    ...options,
  };
  const file = `tsconfig.${name}.json`;
  writeFileSync(join(scratch, file), JSON.stringify({ compilerOptions, files }, null, 2));
  return file;
}

beforeAll(() => {
  packages = packedDirs.map((dir) => {
    const found = published.find((p) => basename(p.dir) === dir);
    if (!found) {
      throw new Error(
        `README.md packs packages/${dir}, which is no published package; expected some of ${published.map((p) => basename(p.dir)).join(', ')}`,
      );
    }
    return found;
  });
  packsDir = mkdtempSync(join(tmpdir(), 'neunet-packs-'));
  const tarballs = packPackages(packages, packsDir);
  scratch = scratchProject(
    tarballs,
    packages.map((p) => p.name),
    {
      ...Object.fromEntries(readmeRegistryPackages(readme).map((n) => [n, workspaceVersion(n)])),
      typescript: rootManifest.devDependencies.typescript,
      '@types/node': rootManifest.devDependencies['@types/node'],
    },
  );
  entries = packages.flatMap((p) => [p.name, ...subpathEntries(p.name, p.manifest)]);
}, SETUP_MS);

afterAll(() => {
  for (const dir of [packsDir, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(file: string, cwd = scratch): string {
  return execFileSync(process.execPath, [file], { cwd, encoding: 'utf8', stdio: 'pipe' });
}

describe("the README's install commands", () => {
  it('pack every NeuNet package that a listed package depends on', () => {
    const listed = new Set(packages.map((p) => p.name));
    for (const { name, manifest } of packages) {
      const deps = Object.keys((manifest.dependencies ?? {}) as Record<string, string>);
      const missing = deps.filter((dep) => dep.startsWith('@neunet/') && !listed.has(dep));
      expect(missing, `README.md packs ${name} but not what it depends on`).toEqual([]);
    }
  });

  it('pack every NeuNet package that a README block imports', () => {
    const listed = new Set(packages.map((p) => p.name));
    const unlisted = examples.flatMap((block) =>
      neunetImports(block.code)
        .filter((name) => !listed.has(name))
        .map((name) => `${block.file}:${block.line} imports ${name}`),
    );
    expect(unlisted, "README.md's `for p in ...` loop does not pack these").toEqual([]);
  });
});

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
    'every entry point loads as ESM and as CommonJS, with the same exports',
    () => {
      writeFileSync(join(scratch, 'entries.mjs'), esmEntries(entries));
      writeFileSync(join(scratch, 'entries.cjs'), cjsEntries(entries));
      const esm = JSON.parse(run('entries.mjs'));
      expect(JSON.parse(run('entries.cjs'))).toEqual(esm);
      expect(Object.keys(esm)).toEqual(entries);
      for (const spec of entries) expect(esm[spec].length, spec).toBeGreaterThan(0);
    },
    TEST_MS,
  );

  const resolutions = [
    { name: 'bundler', module: 'esnext', moduleResolution: 'bundler', files: ['entries.ts'] },
    {
      name: 'node16',
      module: 'node16',
      moduleResolution: 'node16',
      files: ['entries.mts', 'entries.cts'],
    },
    { name: 'node10', module: 'commonjs', moduleResolution: 'node10', files: ['entries.ts'] },
  ];
  it.each(resolutions)(
    'every entry point type-checks under moduleResolution $name',
    ({ name, module, moduleResolution, files }) => {
      for (const file of files) writeFileSync(join(scratch, file), typescriptEntries(entries));
      const project = tsconfig(name, { module, moduleResolution, noEmit: true }, files);
      expect(tsc(project), `tsc under moduleResolution ${name}`).toBe('');
    },
    TEST_MS,
  );
});

/** `packages/layers/README.md:53` becomes `layers-53`. */
function blockName(block: ReadmeBlock): string {
  const folder = basename(dirname(block.file));
  return `${folder === '.' ? 'readme' : folder}-${block.line}`;
}

describe('the README blocks that use NeuNet, run from the installed tarballs', () => {
  let diagnostics: string;

  beforeAll(() => {
    const dir = join(scratch, 'readme');
    mkdirSync(dir);
    const files = examples.map((block) => {
      writeFileSync(join(dir, `${blockName(block)}.mts`), block.code);
      return `readme/${blockName(block)}.mts`;
    });
    // The example again as a .cts file, which tsc compiles to CommonJS (require).
    writeFileSync(join(dir, `${blockName(example)}-cjs.cts`), example.code);
    files.push(`readme/${blockName(example)}-cjs.cts`);
    const project = tsconfig(
      'readme',
      { module: 'node16', moduleResolution: 'node16', outDir: 'readme-out', rootDir: 'readme' },
      files,
    );
    // tsc writes the JavaScript even when it reports errors; the errors point at the
    // README's own lines.
    diagnostics = tsc(project).replace(
      /readme\/([a-z]+-\d+)\.mts\((\d+),(\d+)\)/g,
      (_, name, row, col) => {
        const block = examples.find((b) => blockName(b) === name)!;
        return `${block.file}:${block.line + Number(row)}:${col}`;
      },
    );
  }, TEST_MS);

  it('finds the blocks of README.md and of the package READMEs', () => {
    const files = new Set(examples.map((b) => b.file));
    expect(files).toContain('README.md');
    for (const { dir } of published) {
      const readme = join(dir, 'README.md');
      if (existsSync(readme)) expect(files).toContain(readme.slice(root.length + 1));
    }
  });

  it('every block type-checks', () => {
    expect(diagnostics).toBe('');
  });

  it(
    'the example trains to the same figures from the ES module and the CommonJS build',
    () => {
      // The progress lines carry timings; the figures printed after training do not.
      const figures = (file: string) =>
        run(join(scratch, 'readme-out', file), scratch)
          .split('\n')
          .filter((line) => !/^Epoch \d+\/\d+/.test(line))
          .join('\n');
      const esm = figures(`${blockName(example)}.mjs`);
      expect(esm).toMatch(/\d/);
      expect(figures(`${blockName(example)}-cjs.cjs`)).toBe(esm);
    },
    TEST_MS,
  );

  it.each(examples.map((block) => ({ ...block, name: blockName(block) })))(
    'runs $file:$line',
    ({ name }) => {
      const cwd = join(scratch, 'runs', name);
      mkdirSync(cwd, { recursive: true });
      try {
        run(join(scratch, 'readme-out', `${name}.mjs`), cwd);
      } catch (error) {
        const { stderr, stdout } = error as { stderr: string; stdout: string };
        throw new Error(`the block failed:\n${stderr || stdout}`);
      }
    },
    TEST_MS,
  );
});

describe('a checkout without build output (a fresh clone)', () => {
  it(
    "runs a package's tests, and packs a package, building the packages they need first",
    () => {
      const copy = mkdtempSync(join(tmpdir(), 'neunet-clone-'));
      try {
        const skipped = new Set(['node_modules', 'dist', '.turbo', '.git', 'coverage', 'out']);
        cpSync(root, copy, { recursive: true, filter: (source) => !skipped.has(basename(source)) });
        execFileSync('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], {
          cwd: copy,
          stdio: 'pipe',
        });
        // @neunet/losses: a package whose tests load another one (@neunet/tensor).
        execFileSync('pnpm', ['--filter', '@neunet/losses', 'test'], { cwd: copy, stdio: 'pipe' });
        // Packing must bring it back (turbo may restore it from its cache).
        rmSync(join(copy, 'packages', 'tensor', 'dist'), { recursive: true });
        // @neunet/layers: the smallest package that depends on another one (@neunet/tensor).
        const layers = published.find((p) => p.name === '@neunet/layers')!;
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
