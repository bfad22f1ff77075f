// @ts-check
// Packing the published packages and installing the tarballs into a scratch project
// outside the workspace, as a user would get them from the registry.
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @typedef {object} WorkspacePackage
 * @property {string} name
 * @property {string} dir
 * @property {Record<string, unknown>} manifest
 */

/**
 * Every package of the pnpm workspace at `root` (the root itself included), found by pnpm
 * itself.
 * @param {string} root
 */
export function workspacePackages(root) {
  const listed = JSON.parse(
    execFileSync('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], {
      cwd: root,
      encoding: 'utf8',
    }),
  );
  /** @type {WorkspacePackage[]} */
  const packages = listed.map((/** @type {{ name: string, path: string }} */ { name, path }) => ({
    name,
    dir: path,
    manifest: JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')),
  }));
  return packages.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every non-private package of the pnpm workspace at `root`.
 * @param {string} root
 */
export function publishedPackages(root) {
  return workspacePackages(root).filter(({ manifest }) => !manifest.private);
}

/**
 * `pnpm pack` of each package (its `prepack` builds it first) into its own directory
 * under `dest`; returns the tarball of each package name.
 * @param {WorkspacePackage[]} packages
 * @param {string} dest
 */
export function packPackages(packages, dest) {
  /** @type {Map<string, string>} */
  const tarballs = new Map();
  for (const { name, dir } of packages) {
    const out = join(dest, name.replace('/', '+'));
    mkdirSync(out, { recursive: true });
    execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, stdio: 'pipe' });
    const [tarball, ...others] = readdirSync(out).filter((f) => f.endsWith('.tgz'));
    if (!tarball || others.length > 0) {
      throw new Error(
        `pnpm pack of ${name} left ${others.length + (tarball ? 1 : 0)} tarballs in ${out}; expected 1`,
      );
    }
    tarballs.set(name, join(out, tarball));
  }
  return tarballs;
}

/**
 * A new project in the system's temp directory (outside the workspace, so nothing
 * resolves to workspace sources) with `wanted` installed from their tarballs. Every
 * tarball is also an override, because a packed package depends on its siblings by
 * version, and those versions are not on the registry yet.
 * @param {Map<string, string>} tarballs every package's tarball
 * @param {string[]} wanted the packages to install
 * @param {Record<string, string>} [extra] registry dependencies to add (name to version)
 */
export function scratchProject(tarballs, wanted, extra = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'neunet-scratch-'));
  /** @type {Record<string, string>} */
  const dependencies = { ...extra };
  for (const name of wanted) {
    const tarball = tarballs.get(name);
    if (!tarball)
      throw new Error(
        `scratchProject: no tarball for ${name}; packed: ${[...tarballs.keys()].join(', ')}`,
      );
    dependencies[name] = `file:${tarball}`;
  }
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'scratch', private: true, dependencies }, null, 2)}\n`,
  );
  const overrides = [...tarballs].map(
    ([name, tarball]) => `  ${JSON.stringify(name)}: ${JSON.stringify(`file:${tarball}`)}`,
  );
  writeFileSync(join(dir, 'pnpm-workspace.yaml'), `overrides:\n${overrides.join('\n')}\n`);
  // --prefer-offline: third-party dependencies come from the local store when it has them.
  execFileSync('pnpm', ['install', '--prefer-offline'], { cwd: dir, stdio: 'pipe' });
  return dir;
}

/**
 * Bytes of the files under `dir`, symbolic links followed and each file counted once.
 * @param {string} dir
 */
export function installedBytes(dir) {
  const seen = new Set();
  let total = 0;
  /** @param {string} path */
  const walk = (path) => {
    const real = realpathSync(path);
    const stats = statSync(real);
    const key = `${stats.dev}:${stats.ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(real)) walk(join(real, entry));
    } else if (stats.isFile()) {
      total += stats.size;
    }
  };
  walk(dir);
  return total;
}
